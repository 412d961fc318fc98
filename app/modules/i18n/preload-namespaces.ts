import { matchRoutes } from "@remix-run/react";
import type { i18n as I18n } from "i18next";

function namespacesOf(module: unknown): string[] {
  const i18n = (module as { handle?: { i18n?: unknown } } | undefined)?.handle?.i18n;
  if (typeof i18n === "string") return [i18n];
  return Array.isArray(i18n) ? i18n.filter((namespace): namespace is string => typeof namespace === "string") : [];
}

/**
 * A page downloads only the namespaces its routes name in `handle.i18n`. On a client-side
 * navigation, react-i18next would show the next page's keys until its namespaces arrive; this starts
 * downloading them as the navigation starts, alongside its data and route module, so the page
 * renders translated. Route modules are read as remix-i18next reads them on load; one not loaded
 * yet is imported from the URL Remix itself imports it from. Returns the unsubscribe function.
 */
export function preloadNamespacesOfNavigations(i18n: I18n) {
  let lastKey: string | undefined;
  return window.__remixRouter.subscribe(({ navigation }) => {
    const location = navigation.location;
    if (!location || location.key === lastKey) return;
    lastKey = location.key;
    const routeIds = (matchRoutes(window.__remixRouter.routes, location) ?? []).map((match) => match.route.id);
    for (const routeId of routeIds) {
      const loaded = window.__remixRouteModules[routeId];
      const url = window.__remixManifest.routes[routeId]?.module;
      const module: Promise<unknown> = loaded ? Promise.resolve(loaded) : url ? import(url) : Promise.resolve(undefined);
      module
        .then((routeModule) => {
          const namespaces = namespacesOf(routeModule);
          if (namespaces.length > 0) return i18n.loadNamespaces(namespaces);
        })
        // A failed download is retried by react-i18next when the page renders.
        .catch(() => {});
    }
  });
}
