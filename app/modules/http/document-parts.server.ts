import type { EntryContext, ServerBuild } from "@remix-run/node";
import type { Language } from "~/modules/i18n/config";

/**
 * What a document's render needs besides the server build, as plain data: the render thread
 * (server/render-thread.mjs) makes the same page from it with its own copy of the build, off the
 * thread that answers requests (decision 120, section 26). Only a page whose loaders all
 * succeeded and deferred nothing goes there; an error's page and a stream stay on the main thread.
 */
export interface DocumentParts {
  url: string;
  nonce: string;
  language: Language;
  /** Remix's hand-off script (`window.__remixContext`), made by its document handler. */
  serverHandoffString: string;
  basename: EntryContext["staticHandlerContext"]["basename"];
  location: EntryContext["staticHandlerContext"]["location"];
  /** The matched routes by id: the render takes each route from its own build's manifest. */
  matches: { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: { id: string } }[];
  statusCode: number;
  loaderData: Record<string, unknown>;
  actionData: Record<string, unknown> | null;
}

/** True when the page can be made from its parts: no error to render, nothing deferred. */
export function renderableFromParts(context: EntryContext): boolean {
  const handled = context.staticHandlerContext;
  return !handled.activeDeferreds && !handled.errors && !context.isSpaMode;
}

export function documentPartsOf(context: EntryContext, { url, nonce, language }: { url: string; nonce: string; language: Language }): DocumentParts {
  const handled = context.staticHandlerContext;
  return {
    url,
    nonce,
    language,
    serverHandoffString: context.serverHandoffString ?? "",
    basename: handled.basename,
    location: handled.location,
    matches: handled.matches.map(({ params, pathname, pathnameBase, route }) => ({ params, pathname, pathnameBase, route: { id: route.id } })),
    statusCode: handled.statusCode,
    loaderData: handled.loaderData,
    actionData: handled.actionData,
  };
}

const routeModulesByBuild = new WeakMap<ServerBuild["routes"], EntryContext["routeModules"]>();

/** The entry context Remix's document handler would have made for these parts, from `build`. */
export function entryContextFromParts(build: ServerBuild, parts: DocumentParts): EntryContext {
  let routeModules = routeModulesByBuild.get(build.routes);
  if (!routeModules) {
    routeModules = Object.fromEntries(Object.entries(build.routes).map(([id, route]) => [id, route!.module])) as EntryContext["routeModules"];
    routeModulesByBuild.set(build.routes, routeModules);
  }
  return {
    manifest: build.assets,
    routeModules,
    criticalCss: undefined,
    serverHandoffString: parts.serverHandoffString,
    future: build.future,
    isSpaMode: build.isSpaMode,
    // Only pages without errors are made from parts: nothing to serialise.
    serializeError: (error: Error) => ({ message: error.message, stack: undefined }),
    staticHandlerContext: {
      basename: parts.basename,
      location: parts.location,
      matches: parts.matches as EntryContext["staticHandlerContext"]["matches"],
      loaderData: parts.loaderData,
      actionData: parts.actionData,
      errors: null,
      statusCode: parts.statusCode,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    },
  } as unknown as EntryContext;
}
