import { createHash } from "node:crypto";
import { isoToday } from "~/modules/hubs/lifecycle";
import { isFresh } from "~/modules/http/negotiation.server";

/**
 * A public, cacheable, CORS-open GET answer. The ETag comes from the registry's data version, the
 * UTC day (a HUB's public status moves with the date: see hubs/lifecycle.ts) and the exact request
 * (path and query), so a client's revalidation is a 304 until a HUB changes or the day turns.
 */
export function openDataResponse(
  request: Request,
  { version, body, contentType, maxAge = 300, headers = {} }: { version: number; body: () => string | ReadableStream<Uint8Array>; contentType: string; maxAge?: number; headers?: Record<string, string> },
): Response {
  const url = new URL(request.url);
  const etag = `W/"${version}-${createHash("sha1").update(`${isoToday()}:${url.pathname}?${url.searchParams.toString()}`).digest("hex").slice(0, 16)}"`;
  const common = {
    ETag: etag,
    "Cache-Control": `public, max-age=${maxAge}, stale-while-revalidate=60`,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    Vary: "Accept-Encoding",
    ...headers,
  };
  if (isFresh(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body(), { status: 200, headers: { "Content-Type": contentType, ...common } });
}

/** Answers a CORS preflight for the GET-only open-data endpoints. */
export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}
