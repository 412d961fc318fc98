import type { ServerBuild } from "@remix-run/node";

/**
 * The Remix route a path belongs to (`routes/$lang.hubs.$slug`), for logs and metrics: a label
 * with few values (one per route), never the path itself (slugs, ids and tokens are unbounded).
 */
export function routeLabeller(build: ServerBuild): (path: string) => string {
  const routes = Object.values(build.routes);
  const fullPath = (id: string | undefined): string => {
    const route = id ? build.routes[id] : undefined;
    if (!route) return "";
    const parent = fullPath(route.parentId);
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  const patterns = routes
    .filter((route) => route.id !== "root" && (route.path !== undefined || route.index))
    .map((route) => {
      const segments = fullPath(route.id).split("/").filter(Boolean);
      let score = 0;
      const source = segments
        .map((segment) => {
          if (segment === "*") return "(?:/.*)?";
          if (segment.startsWith(":")) {
            score += 1;
            return segment.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+";
          }
          score += 3;
          return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
        })
        .join("");
      if (segments.at(-1) === "*") score -= 10;
      return { id: route.id, regex: new RegExp(`^${source}/?$`), score: score + (route.index ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const cache = new Map<string, string>();
  return (path: string) => {
    const known = cache.get(path);
    if (known) return known;
    const label = patterns.find((pattern) => pattern.regex.test(path))?.id ?? "unmatched";
    if (cache.size < 5_000) cache.set(path, label);
    return label;
  };
}
