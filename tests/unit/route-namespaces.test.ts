import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The browser downloads only the locale namespaces that the matched routes name in `handle.i18n`
 * (root names "common"), and react-i18next suspends on any other: a component that uses a
 * namespace its route does not name would break a client-side navigation. This reads each route
 * and every component it imports (not `.server` modules: the server has every namespace) and
 * checks the namespaces they use against what the route names.
 */
const APP = path.resolve(import.meta.dirname, "../../app");
const ROUTES = path.join(APP, "routes");
const ROOT_NAMESPACES = ["common"];

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("~/") ? path.join(APP, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find(
    (candidate) => existsSync(candidate) && /\.tsx?$/.test(candidate),
  );
}

/** Namespaces used by `file` and the client modules it imports, with the file that uses each. */
function namespacesUsed(file: string, seen = new Set<string>(), used = new Map<string, string>()) {
  if (seen.has(file) || /\.server\.tsx?$/.test(file)) return used;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const note = (namespace: string) => used.has(namespace) || used.set(namespace, path.relative(APP, file));
  for (const [, args] of source.matchAll(/useTranslation\(([^)]*)\)/g)) {
    const names = [...args.matchAll(/"([a-z]+)"/g)].map((match) => match[1]);
    (names.length ? names : ["common"]).forEach(note);
  }
  for (const [, namespace] of source.matchAll(/\bt\(\s*["`]([a-z]+):/g)) note(namespace);
  // Type-only imports bring no code to the browser.
  for (const [, typeOnly, specifier] of source.matchAll(/(?:import|export)(\s+type)?\s[^;]*?from\s+"([^"]+)"/g)) {
    if (typeOnly) continue;
    const target = resolveImport(file, specifier);
    if (target) namespacesUsed(target, seen, used);
  }
  return used;
}

function namedNamespaces(file: string): string[] {
  const handle = readFileSync(file, "utf8").match(/i18n:\s*\[([^\]]*)\]/);
  return handle ? [...handle[1].matchAll(/"([a-z]+)"/g)].map((match) => match[1]) : [];
}

// Resource routes (no component) render nothing in the browser; their loaders translate on the server.
const routeFiles = readdirSync(ROUTES).filter((name) => name.endsWith(".tsx") && /export default function/.test(readFileSync(path.join(ROUTES, name), "utf8")));

describe("locale namespaces of each route", () => {
  it.each(routeFiles)("%s names every namespace its components use", (name) => {
    const file = path.join(ROUTES, name);
    const named = new Set([...ROOT_NAMESPACES, ...namedNamespaces(file)]);
    const missing = [...namespacesUsed(file)].filter(([namespace]) => !named.has(namespace)).map(([namespace, where]) => `${namespace} (${where})`);
    expect(missing).toEqual([]);
  });

  it("the root's layout uses only the root's namespaces", () => {
    const missing = [...namespacesUsed(path.join(APP, "root.tsx"))].filter(([namespace]) => !ROOT_NAMESPACES.includes(namespace));
    expect(missing).toEqual([]);
  });
});
