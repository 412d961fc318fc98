import fresh from "fresh";
import Negotiator from "negotiator";

/**
 * True when the client's copy (`If-None-Match`, weak comparison) is the current one, so a 304
 * answers it. The request's Cache-Control is left out on purpose: fetch() adds `no-cache` to every
 * request that carries its own If-None-Match, and that directive asks caches on the way to
 * revalidate, which this answer is (an origin server may still say 304).
 */
export function isFresh(request: Request, etag: string): boolean {
  return fresh({ "if-none-match": request.headers.get("If-None-Match") ?? undefined }, { etag });
}

/** True when the client takes a gzipped body (gzip preferred over identity at equal weight). */
export function acceptsGzip(request: Request): boolean {
  return new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? undefined } }).encoding(["gzip", "identity"]) === "gzip";
}

/**
 * The encoding to compress a response in for a client that sent `acceptEncoding`: compression()'s
 * own choice (brotli, then gzip, at equal weight; deflate if that is all it takes), or undefined
 * for none (no header, or only identity).
 */
export function preferredCompression(acceptEncoding: string | undefined): "br" | "gzip" | "deflate" | undefined {
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } });
  // negotiator 0.6.4 takes the order to prefer at equal weight second; its types (0.6.5) lag behind.
  const choose = negotiator.encoding as (available: string[], preferred: string[]) => string | undefined;
  const encoding = choose.call(negotiator, ["br", "gzip", "deflate", "identity"], ["br", "gzip"]);
  return encoding === "br" || encoding === "gzip" || encoding === "deflate" ? encoding : undefined;
}
