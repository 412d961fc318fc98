import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Router from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS build, the one the server loads (and the patch changes); Vite would pick the ES one.
const { matchPath, matchRoutes } = require("@remix-run/router") as typeof Router;

describe("route matching on the server (patches/@remix-run+router+1.23.3.patch)", () => {
  it("is the patched build: ranked branches kept per route list, each pattern compiled once", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("rankedBranches.get(routes)");
    expect(source).toContain("compiledPaths.get(key)");
  });

  it("matches as before when the same routes and patterns are asked again and again", () => {
    const routes = [
      { id: "lang", path: ":lang", children: [{ id: "index", index: true }, { id: "hub", path: "hubs/:slug" }, { id: "splat", path: "*" }] },
      { id: "health", path: "healthz" },
    ];
    for (let i = 0; i < 3; i++) {
      expect(matchRoutes(routes, "/fr/hubs/bogota")?.map((match) => [match.route.id, match.params.slug])).toEqual([
        ["lang", "bogota"],
        ["hub", "bogota"],
      ]);
      expect(matchRoutes(routes, "/healthz")?.map((match) => match.route.id)).toEqual(["health"]);
      expect(matchRoutes(routes, "/es/anything/else")?.map((match) => match.route.id)).toEqual(["lang", "splat"]);
      expect(matchPath({ path: "/:lang/hubs/:slug", end: true }, "/en/hubs/x/more")).toBeNull();
      expect(matchPath({ path: "/:lang/hubs/:slug", end: false }, "/en/hubs/x/more")?.params).toEqual({ lang: "en", slug: "x" });
      expect(matchPath({ path: "/Hubs", caseSensitive: true }, "/hubs")).toBeNull();
      expect(matchPath({ path: "/Hubs", caseSensitive: false }, "/hubs")).not.toBeNull();
    }
  });
});
