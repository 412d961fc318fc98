import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS builds, the ones the server loads (and the patches change); Vite would pick the ES ones.
const { createStaticHandler, createStaticRouter, StaticRouterProvider } = require("react-router-dom/server") as typeof import("react-router-dom/server");
const { useParams } = require("react-router-dom") as typeof import("react-router-dom");
const { getPartialManifest, getPartialManifestJson } = require("@remix-run/react/dist/fog-of-war.js") as {
  getPartialManifest: (manifest: { routes: Record<string, { id: string }> }, router: unknown) => { routes: Record<string, unknown> };
  getPartialManifestJson: (manifest: { routes: Record<string, { id: string }> }, router: unknown) => string;
};
const { matchRoutes } = require("@remix-run/router") as typeof Router;

function HubName() {
  return createElement("h1", null, `HUB ${useParams().slug}`);
}

const routes = [
  {
    id: "lang",
    path: ":lang",
    children: [
      { id: "home", index: true, Component: () => createElement("h1", null, "Map") },
      { id: "hub", path: "hubs/:slug", Component: HubName },
      { id: "splat", path: "*", Component: () => createElement("h1", null, "Not found") },
    ],
  },
];

describe("rendering on the server (patches/@remix-run+react+2.17.5.patch, patches/react-router-dom+6.30.4.patch)", () => {
  it("is the patched builds: server routes per build, data routes per routes array, parents' routes per path, the manifest's text per set of routes", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("serverRoutesByManifest.get(context.manifest.routes)");
    expect(readFileSync(require.resolve("react-router-dom/server"), "utf8")).toContain("dataRoutesByRoutes.get(routes)");
    expect(readFileSync(require.resolve("@remix-run/react/dist/fog-of-war.js"), "utf8")).toContain("parentRouteIdsByRoutes.get(router$1.routes)");
    expect(readFileSync(require.resolve("@remix-run/react/dist/components.js"), "utf8")).toContain("window.__remixManifest = ${fogOfWar.getPartialManifestJson(manifest, router)};");
  });

  it("renders each request's own page from the same routes, one after another", async () => {
    const handler = createStaticHandler(routes);
    for (const [url, heading] of [
      ["/en/hubs/bogota", "HUB bogota"],
      ["/fr/hubs/rosario", "HUB rosario"],
      ["/es", "Map"],
      ["/en/hubs/bogota/extra", "Not found"],
      ["/fr/hubs/lyon", "HUB lyon"],
    ]) {
      const context = await handler.query(new Request(`http://localhost${url}`));
      if (context instanceof Response) throw new Error(`unexpected response for ${url}`);
      const router = createStaticRouter(handler.dataRoutes, context);
      expect(renderToString(createElement(StaticRouterProvider, { router, context })), url).toContain(heading);
    }
  });

  it("sends the routes of the page and of its parent paths in the manifest, for every page", () => {
    const manifest = { url: "/build/manifest.js", routes: Object.fromEntries(["lang", "home", "hub", "splat"].map((id) => [id, { id }])) };
    const partial = (pathname: string) => {
      const matches = matchRoutes(routes, pathname)!;
      const router = { routes, basename: "/", state: { matches, location: { pathname } } };
      // The document's script: the same text as stringifying the manifest's part, kept per set of routes.
      expect(getPartialManifestJson(manifest, router)).toBe(JSON.stringify(getPartialManifest(manifest, router), null, 2));
      return Object.keys(getPartialManifest(manifest, router).routes).sort();
    };
    for (let i = 0; i < 2; i++) {
      // "/en/hubs" (a parent of a HUB page) matches the splat route; "/en" the index.
      expect(partial("/en/hubs/bogota")).toEqual(["home", "hub", "lang", "splat"]);
      expect(partial("/fr")).toEqual(["home", "lang"]);
      expect(partial("/es/about")).toEqual(["home", "lang", "splat"]);
      // "/es/hubs/x" is a parent of this one, and a HUB page.
      expect(partial("/es/hubs/x/y")).toEqual(["home", "hub", "lang", "splat"]);
    }
  });
});

describe("a document's loaders (patches/@remix-run+server-runtime+2.17.5.patch, patches/@remix-run+router+1.23.3.patch)", () => {
  it("is the patched builds: the request passed on when there is nothing to strip, json() keeping its text", () => {
    const data = readFileSync(require.resolve("@remix-run/server-runtime/dist/data.js"), "utf8");
    expect(data).toContain('if (!hasSearchParam(request.url, "index")) return request;');
    expect(data).toContain('if (!hasSearchParam(request.url, "_data")) return request;');
    expect(readFileSync(require.resolve("@remix-run/router"), "utf8")).toContain("data = JSON.parse(result[JSON_TEXT]);");
  });

  it("gives a loader's json() data to the render from its text, leaving the body unread", async () => {
    const { json } = require("@remix-run/router") as typeof Router;
    const sent: Response[] = [];
    const handler = createStaticHandler([
      {
        id: "hub",
        path: "/hubs/:slug",
        loader: ({ params }) => {
          const response = json({ slug: params.slug, goals: [6, 11], note: "«ñ» </script>" });
          sent.push(response);
          return response;
        },
      },
    ]);
    const context = await handler.query(new Request("http://localhost/hubs/bogota"));
    if (context instanceof Response) throw new Error("unexpected response");
    expect(context.loaderData.hub).toEqual({ slug: "bogota", goals: [6, 11], note: "«ñ» </script>" });
    expect(sent).toHaveLength(1);
    expect(sent[0].bodyUsed).toBe(false);
    // The body itself is still the same JSON, for a response that is sent as it is.
    expect(await sent[0].json()).toEqual({ slug: "bogota", goals: [6, 11], note: "«ñ» </script>" });
  });
});
