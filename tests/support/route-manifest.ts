import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The app's routes as the Remix compiler sees them, without a build: the classic compiler's own
 * config reader (@remix-run/dev readConfig: remix.config.js, its ignored files, flat-routes discovery).
 * `npm test` runs before `npm run build`, so tests cannot read build/'s manifest.
 */

export interface DiscoveredRoute {
  /** "routes/$lang.hubs.$slug", as the compiler names it. */
  id: string;
  /** Relative to app/, e.g. "routes/$lang.hubs.$slug.tsx". */
  file: string;
  path?: string;
  index?: boolean;
  parentId?: string;
}

export const projectDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface RemixConfig {
  routes: Record<string, DiscoveredRoute>;
  future: Record<string, boolean>;
}

let config: Promise<RemixConfig> | undefined;
/** remix.config.js read as `remix build` reads it (once per test file). */
export function readRemixConfig(): Promise<RemixConfig> {
  const require = createRequire(import.meta.url);
  const { readConfig } = require("@remix-run/dev/dist/config.js") as { readConfig: (root: string, mode: string) => Promise<RemixConfig> };
  config ??= readConfig(projectDirectory, "production");
  return config;
}

/** Every route under app/routes (the root route apart). */
export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  return Object.values((await readRemixConfig()).routes).filter((route) => route.id !== "root");
}

/** The URL pattern of a route: its parents' paths and its own, e.g. "/:lang/hubs/:slug". */
export function pathPattern(route: DiscoveredRoute, routes: DiscoveredRoute[]): string {
  const byId = new Map(routes.map((candidate) => [candidate.id, candidate]));
  const segments: string[] = [];
  for (let current: DiscoveredRoute | undefined = route; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    if (current.path) segments.unshift(current.path);
  }
  return `/${segments.join("/")}`;
}

/** The names of a route's parameters, in order: "lang", "slug", "*" for a splat. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? "*");
}
