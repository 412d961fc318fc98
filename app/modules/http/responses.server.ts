/**
 * The HTTP refusals, thrown by guards and routes (Remix renders a thrown Response in the error boundary).
 * Which one a refused user gets is decided in docs/decisions/015-permissions.md.
 */

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function badRequest(): never {
  throw new Response("Bad request", { status: 400 });
}

/** For resource routes that only answer GET (Remix sends every other method to the action). */
export function methodNotAllowed(allow = "GET, HEAD, OPTIONS"): Response {
  return new Response("Method not allowed", { status: 405, headers: { Allow: allow } });
}

/** The open-data API's 404: JSON, and readable from any origin like the API's other answers. */
export function apiNotFound(): never {
  throw new Response(JSON.stringify({ error: "not_found" }), {
    status: 404,
    headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
  });
}
