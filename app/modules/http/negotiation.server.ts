import fresh from "fresh";
import Negotiator from "negotiator";

/** True when the client's copy (`If-None-Match`) is the current one, so a 304 answers it. */
export function isFresh(request: Request, etag: string): boolean {
  return fresh(
    { "if-none-match": request.headers.get("If-None-Match") ?? undefined, "cache-control": request.headers.get("Cache-Control") ?? undefined },
    { etag },
  );
}

/** True when the client takes a gzipped body (gzip preferred over identity at equal weight). */
export function acceptsGzip(request: Request): boolean {
  return new Negotiator({ headers: { "accept-encoding": request.headers.get("Accept-Encoding") ?? undefined } }).encoding(["gzip", "identity"]) === "gzip";
}
