import type express from "express";

/**
 * A small in-memory cache of the HTML of the public map page for anonymous visitors.
 *
 * Why in Express rather than in entry.server: here a hit skips everything (Remix routing, every
 * loader, React rendering), and the middleware sits after `compression`, so it stores and
 * replays the plain HTML while compression still applies per request.
 *
 * What is cached: GET of the map page `/{lang}` (with its query), only when the request carries no cookie other than the language cookie
 * (so never for a signed-in user: their session cookie bypasses the cache), only 200 HTML
 * responses, and only when the response sets no cookie other than the language cookie.
 * The key is the full URL plus the raw language cookie (the page sets that cookie when it differs
 * from the URL's language, so both variants are kept apart: `Vary: Cookie`).
 * Every entry remembers the public data version read before rendering; a changed version (the
 * triggers bump it on every write to a public table) makes it stale at once. A short TTL bounds
 * what depends on the date (active vs recognised), and the entry count is capped (least recently
 * used goes first).
 */
export interface PageCacheOptions {
  /** The public data version (cheap: one indexed row, shared by concurrent requests). */
  getVersion: () => Promise<number>;
  maxEntries?: number;
  ttlMs?: number;
}

interface Entry {
  version: number;
  expires: number;
  headers: [string, string | string[]][];
  body: Buffer;
}

// Only the map page: the HUB page also shows published progress updates, whose tables do not
// bump public_data_version, so a cached HUB page could show them late.
const CACHEABLE_PATH = /^\/(en|es|fr)\/?$/;
const LANGUAGE_COOKIE = "lng";

export function publicPageCache({ getVersion, maxEntries = 500, ttlMs = 30_000 }: PageCacheOptions) {
  const entries = new Map<string, Entry>();

  return async function pageCache(request: express.Request, response: express.Response, next: express.NextFunction) {
    if (request.method !== "GET" || !CACHEABLE_PATH.test(request.path)) return next();
    if (new URL(request.originalUrl, "http://x").searchParams.has("_data")) return next();
    const cookies = parseCookieNames(request.get("cookie"));
    if (cookies.names.some((name) => name !== LANGUAGE_COOKIE)) return next();

    let version: number;
    try {
      version = await getVersion();
    } catch {
      return next();
    }
    const key = `${cookies.language ?? ""}\n${request.originalUrl}`;
    const hit = entries.get(key);
    if (hit && hit.version === version && hit.expires > Date.now()) {
      // Least recently used goes first when full.
      entries.delete(key);
      entries.set(key, hit);
      response.status(200);
      for (const [name, value] of hit.headers) response.setHeader(name, value);
      response.setHeader("X-Page-Cache", "hit");
      response.end(hit.body);
      return;
    }
    if (hit) entries.delete(key);

    response.setHeader("X-Page-Cache", "miss");
    response.vary("Cookie");
    const chunks: Buffer[] = [];
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => express.Response;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== "function") collect(chunk, rest[0]);
      if (storable(response)) {
        const headers = Object.entries(response.getHeaders())
          .filter(([name]) => !["x-page-cache", "content-length", "content-encoding", "transfer-encoding", "date"].includes(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { version, expires: Date.now() + ttlMs, headers, body: Buffer.concat(chunks) });
      }
      return end(chunk, ...rest);
    }) as typeof response.end;
    next();
  };
}

function storable(response: express.Response) {
  // A visitor who left mid-stream may have cut the page short.
  if (response.statusCode !== 200 || response.destroyed) return false;
  if (!String(response.getHeader("content-type") ?? "").startsWith("text/html")) return false;
  const setCookie = response.getHeader("set-cookie");
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  return cookies.every((cookie) => cookie.startsWith(`${LANGUAGE_COOKIE}=`));
}

function parseCookieNames(header: string | undefined) {
  const names: string[] = [];
  let language: string | undefined;
  for (const part of (header ?? "").split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    const name = eq === -1 ? trimmed : trimmed.slice(0, eq);
    names.push(name);
    if (name === LANGUAGE_COOKIE) language = trimmed.slice(eq + 1);
  }
  return { names, language };
}
