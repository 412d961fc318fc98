/** Headers every HTML page carries. Pages meant for framing (the embed map) opt out by path. */
export function applySecurityHeaders(request: Request, headers: Headers) {
  const framable = /^\/(en|es|fr)\/embed(\/|$)/.test(new URL(request.url).pathname);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (!framable) {
    headers.set("X-Frame-Options", "DENY");
    headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  }
}
