import type express from "express";
import { sharedRead } from "../db/errors";
import { sendDocument } from "./document-body";

/**
 * A small in-memory cache of the HTML of the public map page `/{lang}` and the HUB pages
 * `/{lang}/hubs/{slug}` for anonymous visitors.
 *
 * Why in Express rather than in entry.server: here a hit skips everything (Remix routing, every
 * loader, React rendering). It stores the plain HTML and replays it compressed for each request
 * (server/document-body.ts), as a page rendered whole is sent.
 *
 * What is cached: GET of those pages (with their query), only when the request carries no cookie
 * other than the language cookie (so never for a signed-in user: their session cookie bypasses
 * the cache), never a `_data` request, only 200 HTML responses that set no cookie other than the
 * language cookie and that were sent in full (a visitor who left mid-stream or a stream that
 * failed leaves nothing behind).
 * The key is the full URL and the raw language cookie (the page sets that cookie when it differs
 * from the URL's language, so both variants are kept apart: `Vary: Cookie`). Not the Host: every
 * absolute link comes from PUBLIC_URL (http/public-url.server.ts), whatever the request says.
 *
 * The CSP nonce: each response must carry its own (a nonce seen once is no secret). A page is
 * kept with the nonce it was rendered with and replayed with the nonce the security headers made
 * for the request it answers (`res.locals.cspNonce`), every occurrence substituted; the stored
 * Content-Security-Policy header is not replayed (the fresh one stays). The substitution is one
 * pass over the page (see `replaceNonce`).
 *
 * When an entry goes stale:
 * - the version of what the page shows has moved (read before rendering; a HUB page with no entry
 *   reads it with its data instead, see `rendersOwnVersion`): for the map page the
 *   registry-wide public data version (the triggers bump it on every write to a table a public page
 *   shows), for a HUB page that HUB's own version and the shared reference data's (migration 120:
 *   one city's edit leaves every other HUB's page cached). See
 *   tests/integration/public-data-version.test.ts and docs/decisions/120-performance-at-scale.md;
 * - the UTC day it was rendered on is over (the HUB page marks "today" on its timeline, and
 *   statuses such as active vs recognised follow the date);
 * - its TTL has passed (a bound on anything else that depends on the clock).
 * The store is capped in entries and in bytes; the least recently used entry goes first.
 */
export interface PageCacheOptions {
  /**
   * Reads the version of what a page shows: `{}` for the map page (`getPublicDataVersion`), the
   * HUB's slug for a HUB page (`getHubPageVersion`); requests for one page that arrive together share one read.
   */
  getVersion: (page: { slug?: string }) => Promise<number | string>;
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  /** How long requests wait for the version read before going on without the cache. */
  versionTimeoutMs?: number;
  /** Counts hits and misses (server/metrics.ts). */
  onLookup?: (outcome: "hit" | "miss" | "bypass") => void;
  /**
   * Pages whose render reports the version of what it shows, read by its loader, in
   * `response.locals.pageVersion` (`onPageVersion` in the load context: the HUB page reads it with
   * its data, the map page beside its rate limit). Such a page with no entry to compare is rendered
   * without reading the version first, and kept under the one it reports. When the version was read
   * (an entry to compare, and a miss), it is left in `response.locals.versionRead` for the loader.
   */
  rendersOwnVersion?: (page: { slug?: string }) => boolean;
}

export interface CachedPage {
  headers: [string, string | string[]][];
  body: Buffer;
  /** The CSP nonce the body was rendered with; replaced by each replay's own. */
  nonce?: string;
}

interface Entry extends CachedPage {
  version: number | string;
  expires: number;
  bytes: number;
}

const CACHEABLE_PATH = /^\/(en|es|fr)(\/hubs\/[^/]+)?\/?$/;
const LANGUAGE_COOKIE = "lng";
const DAY_MS = 86_400_000;
const NOT_REPLAYED = ["x-page-cache", "content-length", "content-encoding", "transfer-encoding", "date", "content-security-policy"];

/**
 * The cache policy, apart from HTTP: an LRU map capped in entries and bytes, whose entries expire
 * at their TTL or at the end of the UTC day they were rendered on, whichever comes first.
 */
export class PageCacheStore {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor({ maxEntries = 500, maxBytes = 32 * 1024 * 1024, ttlMs = 30_000, now = Date.now }: Omit<PageCacheOptions, "getVersion" | "versionTimeoutMs" | "onLookup"> = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.ttlMs = ttlMs;
    this.now = now;
  }

  get size() {
    return this.entries.size;
  }

  /** Whether anything is stored under `key`, fresh or not. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get bytes() {
    return this.totalBytes;
  }

  /** The page stored under `key` for this data version, if still fresh; marks it recently used. */
  get(key: string, version: number | string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version || this.now() >= entry.expires) {
      this.totalBytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a page rendered at `renderedAt` (when its version was read, before rendering) from data
   * version `version`. Returns false when the page alone is larger than the byte cap.
   */
  set(key: string, version: number | string, renderedAt: number, page: CachedPage): boolean {
    const bytes = key.length + page.body.length + page.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    const endOfDay = (Math.floor(renderedAt / DAY_MS) + 1) * DAY_MS;
    const expires = Math.min(renderedAt + this.ttlMs, endOfDay);
    if (this.now() >= expires) return false;
    while (this.entries.size >= this.maxEntries || this.totalBytes + bytes > this.maxBytes) this.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...page, version, expires, bytes });
    this.totalBytes += bytes;
    return true;
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }
}

export function publicPageCache({ getVersion, rendersOwnVersion, ...options }: PageCacheOptions) {
  const store = new PageCacheStore(options);
  const now = options.now ?? Date.now;
  // Requests for one page that arrive together share one version read. One that fails or takes
  // longer than `versionTimeoutMs` sends only its waiters on to Remix (which answers them itself, a
  // 503 if the database is gone); the next request reads again. A reader lives only while its read
  // is pending, so hostile slugs cannot grow the map.
  const readers = new Map<string, () => Promise<number | string>>();
  const readVersion = (slug: string | undefined) => {
    const key = slug ?? "";
    let read = readers.get(key);
    if (!read) {
      read = sharedRead(() => getVersion(slug === undefined ? {} : { slug }), {
        timeoutMs: options.versionTimeoutMs ?? 2_000,
        onTimeout: () => new Error("version read timed out"),
      });
      readers.set(key, read);
    }
    const current = read;
    return current().finally(() => {
      if (readers.get(key) === current) readers.delete(key);
    });
  };

  return async function pageCache(request: express.Request, response: express.Response, next: express.NextFunction) {
    const page = request.method === "GET" ? CACHEABLE_PATH.exec(request.path) : null;
    if (!page) return next();
    if (new URL(request.originalUrl, "http://x").searchParams.has("_data")) return next();
    const cookies = parseCookieNames(request.get("cookie"));
    if (cookies.names.some((name) => name !== LANGUAGE_COOKIE)) return next();

    const renderedAt = now();
    const slug = page[2] === undefined ? undefined : decodeSlug(page[2].slice("/hubs/".length));
    const key = `${cookies.language ?? ""}\n${request.originalUrl}`;
    // Nothing stored to compare and a page that reports its own version: no read before rendering
    // (a first view of a HUB page makes one statement instead of two). The version it reports was
    // read with its data, so the page is never kept under a version newer than what it shows.
    let version: number | string | undefined;
    if (!(rendersOwnVersion?.({ slug }) && !store.has(key))) {
      try {
        version = await readVersion(slug);
      } catch {
        options.onLookup?.("bypass");
        return next();
      }
    }
    // A miss after a read hands the version on: the page's data is read at it (the load context's publicDataVersion).
    response.locals.versionRead = version;
    const hit = version === undefined ? undefined : store.get(key, version);
    if (hit) {
      response.status(200);
      for (const [name, value] of hit.headers) response.setHeader(name, value);
      response.setHeader("X-Page-Cache", "hit");
      options.onLookup?.("hit");
      sendDocument(request, response, replaceNonce(hit.body, hit.nonce, response.locals.cspNonce));
      return;
    }

    response.setHeader("X-Page-Cache", "miss");
    options.onLookup?.("miss");
    response.vary("Cookie");
    const chunks: Buffer[] = [];
    let ended = false;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => express.Response;
    const collect = (chunk: unknown, encoding: unknown) => {
      // A page sent whole is kept as rendered (response.locals.documentBody): no copy of what goes out.
      if (response.locals.documentBody) return;
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== "function") collect(chunk, rest[0]);
      ended = true;
      return end(chunk, ...rest);
    }) as typeof response.end;
    // `finish`: the whole response was handed to the network. A response whose stream failed is
    // destroyed without end(); one whose visitor left is closed without `finish`.
    response.once("finish", () => {
      const shown: number | string | undefined = version ?? response.locals.pageVersion;
      if (!ended || shown === undefined || !storable(response)) return;
      // A page sent whole (server/document-body.ts) went out compressed: keep it as rendered.
      const body: Buffer | undefined = response.locals.documentBody ?? (response.hasHeader("content-encoding") ? undefined : Buffer.concat(chunks));
      if (!body) return;
      if (!completeDocument(body)) return;
      const headers = Object.entries(response.getHeaders())
        .filter(([name]) => !NOT_REPLAYED.includes(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
      store.set(key, shown, renderedAt, { headers, body, nonce: response.locals.cspNonce });
    });
    next();
  };
}

function decodeSlug(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `body` with every occurrence of the nonce it was rendered with replaced by `next`. */
export function replaceNonce(body: Buffer, rendered: string | undefined, next: string | undefined): Buffer {
  if (!rendered || rendered === next) return body;
  const from = Buffer.from(rendered);
  const to = Buffer.from(next ?? "");
  const parts: Buffer[] = [];
  let start = 0;
  for (let found = body.indexOf(from, start); found !== -1; found = body.indexOf(from, start)) {
    parts.push(body.subarray(start, found), to);
    start = found + from.length;
  }
  parts.push(body.subarray(start));
  return Buffer.concat(parts);
}

function storable(response: express.Response) {
  if (response.statusCode !== 200) return false;
  if (!String(response.getHeader("content-type") ?? "").startsWith("text/html")) return false;
  const setCookie = response.getHeader("set-cookie");
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  return cookies.every((cookie) => cookie.startsWith(`${LANGUAGE_COOKIE}=`));
}

/** A last guard against a page cut short: React closes the document only once it rendered everything. */
function completeDocument(body: Buffer) {
  return body.subarray(Math.max(0, body.length - 64)).toString("latin1").trimEnd().endsWith("</html>");
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
