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
    expect(source).toContain("branchMayMatch(branches[i], decoded)");
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

  it("passes over the branches that cannot match without changing what matches: slashes, case, encoding, index, splat, optional and case-sensitive segments", () => {
    const routes = [
      {
        id: "lang",
        path: ":lang",
        children: [
          { id: "home", index: true },
          { id: "about", path: "about" },
          { id: "hub", path: "hubs/:slug" },
          { id: "certificate", path: "hubs/:slug/certificate" },
          { id: "year", path: "reports/:year?" },
          { id: "exact", path: "Exact", caseSensitive: true },
          { id: "layout", children: [{ id: "calls", path: "calls" }] },
          { id: "splat", path: "*" },
        ],
      },
      { id: "root-index", index: true },
    ];
    const ids = (pathname: string) => matchRoutes(routes, pathname)?.map((match) => match.route.id) ?? null;
    const cases: [string, string[] | null][] = [
      ["/", ["root-index"]],
      ["/en", ["lang", "home"]],
      ["/en/", ["lang", "home"]],
      ["/en/about", ["lang", "about"]],
      ["/EN/ABOUT/", ["lang", "about"]],
      ["/en/hubs/bogot%C3%A1", ["lang", "hub"]],
      ["/en/hubs/x/certificate", ["lang", "certificate"]],
      ["/en/hubs/x/certificate/more", ["lang", "splat"]],
      ["/en/reports", ["lang", "year"]],
      ["/en/reports/2026", ["lang", "year"]],
      ["/en/Exact", ["lang", "exact"]],
      ["/en/exact", ["lang", "splat"]],
      ["/en/calls", ["lang", "layout", "calls"]],
      ["//hubs/x", null],
      ["/en//about", ["lang", "splat"]],
    ];
    for (const [pathname, expected] of cases) expect(ids(pathname), pathname).toEqual(expected);
    expect(matchRoutes(routes, "/en/hubs/bogot%C3%A1")?.at(-1)?.params).toEqual({ lang: "en", slug: "bogotá" });
    expect(matchRoutes(routes, "/fr/reports/2026")?.at(-1)?.pathnameBase).toBe("/fr/reports/2026");
  });
});
