/// <reference types="vite/client" />
import type { ServerBuild } from "@remix-run/node";
import { discoverRoutes, readRemixConfig } from "./route-manifest";

/**
 * The server build `remix build` would write, assembled in the test process from the route modules
 * themselves: the same route manifest (flat-routes discovery), the real root and entry.server, so the
 * real Express app (server/app.ts) can serve it before `npm run build` has run. Only the browser's
 * assets are stand-ins; pages still render on the server. `onError` sees every error Remix hands to
 * entry.server's handleError (a loader, action or render that threw something other than a Response).
 */

const routeModules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}");

export async function inProcessBuild({ onError }: { onError: (error: unknown) => void }): Promise<ServerBuild> {
  const entry = await import("../../app/entry.server");
  const root = await import("../../app/root");
  const discovered = await discoverRoutes();
  const routes: ServerBuild["routes"] = { root: { id: "root", path: "", module: root as never } };
  for (const route of discovered) {
    const module = await routeModules[`../../app/${route.file}`]();
    routes[route.id] = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, module: module as never };
  }
  const assetRoutes = Object.fromEntries(
    Object.values(routes).map((route) => {
      const module = route.module as unknown as Record<string, unknown>;
      return [
        route.id,
        {
          id: route.id,
          parentId: route.parentId,
          path: route.path,
          index: route.index,
          module: `/build/${route.id}.js`,
          imports: [],
          hasAction: typeof module.action === "function",
          hasLoader: typeof module.loader === "function",
          hasClientAction: typeof module.clientAction === "function",
          hasClientLoader: typeof module.clientLoader === "function",
          hasErrorBoundary: typeof module.ErrorBoundary === "function",
        },
      ];
    }),
  );
  return {
    mode: "production",
    entry: {
      module: {
        ...entry,
        handleError: (error: unknown) => onError(error),
      } as never,
    },
    routes,
    assets: { entry: { imports: [], module: "/build/entry.client.js" }, routes: assetRoutes, url: "/build/manifest-fuzz.js", version: "fuzz" } as never,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: (await readRemixConfig()).future as never,
    isSpaMode: false,
  };
}
