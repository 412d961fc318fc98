import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// The CommonJS builds, the ones the server loads (and the patch changes); Vite would pick the ES ones.
const { createStaticHandler, createStaticRouter, StaticRouterProvider } = require("react-router-dom/server") as typeof import("react-router-dom/server");
const componentsPath = require.resolve("@remix-run/react/dist/components.js");
type LinkModule = { Link: ComponentType<Record<string, unknown>>; NavLink: ComponentType<Record<string, unknown>> };

/**
 * The patched file decides once, when it is loaded, whether it renders without a DOM. Loaded a
 * second time while a `document` exists, it takes the browser's path: React Router's Link and
 * NavLink, as unpatched Remix renders them. Both instances share React Router (the same contexts).
 */
const patched = require(componentsPath) as LinkModule;
let unpatched: LinkModule;
beforeAll(() => {
  const loaded = require.cache[componentsPath];
  delete require.cache[componentsPath];
  (globalThis as { document?: unknown }).document = {};
  try {
    unpatched = require(componentsPath) as LinkModule;
  } finally {
    delete (globalThis as { document?: unknown }).document;
    require.cache[componentsPath] = loaded;
  }
});
afterAll(() => {
  expect(require(componentsPath)).toBe(patched);
});

const onClick = () => {};
const LINKS: Record<string, unknown>[] = [
  { to: "/en" },
  { to: "/en/" },
  { to: "/" },
  { to: "/en/hubs?x=1&y=%20z#top" },
  { to: "/en/hubs/a b" },
  { to: "/en/hubs/bogotá" },
  { to: "/en/./hubs/../calls" },
  { to: "." },
  { to: ".." },
  { to: "../.." },
  { to: "../../../../.." },
  { to: "details" },
  { to: "./details?x" },
  { to: "" },
  { to: "?q=2" },
  { to: "#top" },
  { to: "..", relative: "path" },
  { to: "details", relative: "path" },
  { to: "https://example.org/a?b#c" },
  { to: "//example.org/x" },
  { to: "mailto:someone@example.org" },
  { to: "/en", reloadDocument: true },
  { to: "https://example.org", reloadDocument: true },
  { to: "/en", target: "_blank", rel: "noopener" },
  { to: "/en", className: "a b", lang: "en", hrefLang: "en", "aria-current": "true", id: "x", title: "<\"&>" },
  { to: "/en", prefetch: "intent" },
  { to: "/en", prefetch: "render" },
  { to: "/en", prefetch: "viewport" },
  { to: "/en", discover: "none" },
  { to: "/en", replace: true, state: { a: 1 }, preventScrollReset: true, viewTransition: true },
  { to: "/en", onClick, onFocus: onClick, onMouseEnter: onClick },
  { to: "/en", style: { color: "red" }, tabIndex: -1, "data-x": "y" },
  { to: { pathname: "/en", search: "?a=1", hash: "#b" } },
  { to: { search: "?only" } },
];
const NAV_LINKS: Record<string, unknown>[] = [
  ...LINKS,
  { to: "/en", end: true },
  { to: "/en/hubs" },
  { to: "/en/hubs", end: true },
  { to: "/en/hubs/bogota" },
  { to: "/en/hubs/bogota/" },
  { to: "/en/hubs/bog" },
  { to: "/EN/HUBS/BOGOTA" },
  { to: "/EN/HUBS/BOGOTA", caseSensitive: true },
  { to: "/fr" },
  { to: "..", end: true },
  { to: "/en", className: ({ isActive }: { isActive: boolean }) => (isActive ? "on" : "off") },
  { to: "/fr", className: ({ isActive }: { isActive: boolean }) => (isActive ? "on" : "off") },
  { to: "/en", className: "" },
  { to: "/en", style: ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? "bold" : "normal" }) },
  { to: "/en", children: ({ isActive }: { isActive: boolean }) => (isActive ? "here" : "there") },
  { to: "/en", "aria-current": "step" },
  { to: "/en", viewTransition: true },
  { to: "/en/hubs/bogota?x=1#y" },
];

let current: { module: LinkModule; kind: "Link" | "NavLink"; props: Record<string, unknown> } | undefined;
function UnderTest(): ReactNode {
  if (!current) return null;
  const { module, kind, props } = current;
  const children = "children" in props ? undefined : createElement("span", null, "HUB ", "page");
  return createElement(module[kind], props, children);
}

const routes = [
  {
    id: "root",
    path: "/",
    children: [{ id: "lang", path: ":lang", children: [{ id: "hubs", path: "hubs", children: [{ id: "hub", path: ":slug", Component: UnderTest }] }] }],
  },
];

/** The page with the link, or the error its render threw (React Router's NavLink throws on a URL it cannot parse). */
async function render(url: string, basename: string | undefined, link: typeof current) {
  const handler = createStaticHandler(routes, { basename });
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error(`unexpected response for ${url}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  current = link;
  try {
    return renderToString(createElement(StaticRouterProvider, { router, context }));
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

describe("Remix's Link and NavLink rendered on the server (patches/@remix-run+react+2.17.5.patch)", () => {
  it("is the patched build", () => {
    expect(readFileSync(componentsPath, "utf8")).toContain("return ServerLink(to, discover, props);");
  });

  for (const [url, basename] of [
    ["/en/hubs/bogota", undefined],
    ["/en/hubs/bogota/?q=1", undefined],
    ["/En/Hubs/Bogota", undefined],
    ["/base/en/hubs/bogota", "/base"],
    ["/base/en/hubs/bogota", "/base/"],
  ] as const) {
    it(`renders the same <a> as React Router's Link and NavLink, at ${url}${basename ? ` under ${basename}` : ""}`, async () => {
      let rendered = 0;
      for (const [kind, cases] of [
        ["Link", LINKS],
        ["NavLink", NAV_LINKS],
      ] as const) {
        for (const props of cases) {
          const expected = await render(url, basename, { module: unpatched, kind, props });
          const actual = await render(url, basename, { module: patched, kind, props });
          expect(actual, `${kind} ${JSON.stringify(props)}`).toBe(expected);
          rendered += actual.includes("<a ") ? 1 : 0;
        }
      }
      // Only NavLinks to a URL the browser's URL cannot parse throw (both ways).
      expect(rendered).toBeGreaterThanOrEqual(LINKS.length + NAV_LINKS.length - 2);
    });
  }

  it("resolves a link's path without copying the route matches through JSON, on the server only", async () => {
    // React Router's useResolvedPath copies the matches through JSON.stringify on each of a link's
    // three resolutions; the short path reads them, and only for a relative path.
    const stringify = JSON.stringify;
    let copies = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      copies++;
      return stringify(...args);
    }) as typeof JSON.stringify;
    try {
      const count = async (link: typeof current) => {
        copies = 0;
        await render("/en/hubs/bogota", undefined, link);
        return copies;
      };
      // What the page copies without a link (the router's own), then with each kind of link.
      const page = await count(undefined);
      const copiesOf = async (module: LinkModule) => ({
        link: (await count({ module, kind: "Link", props: { to: "/en/hubs" } })) - page,
        navLink: (await count({ module, kind: "NavLink", props: { to: "/en/hubs" } })) - page,
      });
      expect(await copiesOf(patched)).toEqual({ link: 0, navLink: 0 });
      const unpatchedCopies = await copiesOf(unpatched);
      expect(unpatchedCopies.link).toBeGreaterThanOrEqual(3);
      expect(unpatchedCopies.navLink).toBeGreaterThanOrEqual(4);
    } finally {
      JSON.stringify = stringify;
    }
  });
});
