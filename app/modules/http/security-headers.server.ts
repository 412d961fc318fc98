import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import type { Env } from "~/modules/config/env.server";

/**
 * The security headers of every response (pages, `_data`, resource routes, API, feeds, static
 * files): one helmet configuration, applied in Express before anything else answers. See
 * docs/decisions/100-http-edge.md for each choice.
 *
 * The CSP allows a script only with this response's nonce (a fresh 128-bit value per request,
 * `res.locals.cspNonce`, passed to Remix through the load context and rendered on every script
 * tag) or loaded by one ('strict-dynamic'). The page cache (server/page-cache.ts) replays a page
 * with the nonce of the request it answers, never the one it was rendered with.
 */

/** Pages made to be framed by other sites: the embed map. */
export function isFramablePath(path: string) {
  return /^\/(en|es|fr)\/embed(\/|$)/.test(path);
}

export function createNonce() {
  return randomBytes(16).toString("base64url");
}

export function nonceOf(response: ServerResponse): string {
  return (response as unknown as Response).locals?.cspNonce ?? "";
}

/**
 * The CSP source of MAP_TILE_URL's host: "https://{s}.tile.example.org/…" becomes
 * "https://*.tile.example.org"; a placeholder elsewhere in the host cannot be expressed, so any
 * https host is allowed then.
 */
export function tileImageSource(tileUrl: string | undefined): string | undefined {
  if (!tileUrl) return undefined;
  const match = /^(https:\/\/)([^/]+)/.exec(tileUrl);
  if (!match) return undefined;
  const host = match[2]!.replace(/^\{[a-z]+\}\./i, "*.");
  return host.includes("{") ? "https:" : `${match[1]}${host}`;
}

function helmetFor(env: Env, { framable }: { framable: boolean }) {
  const https = env.PUBLIC_URL?.startsWith("https://") ?? false;
  const tiles = tileImageSource(env.MAP_TILE_URL);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [(_request: IncomingMessage, response: ServerResponse) => `'nonce-${nonceOf(response)}'`, "'strict-dynamic'"],
        // Leaflet and React `style` props write inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: framable ? null : ["'none'"],
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    // require-corp would block the tiles of MAP_TILE_URL, whose servers send no
    // Cross-Origin-Resource-Policy; the app needs no cross-origin isolation (no SharedArrayBuffer).
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: framable ? false : { action: "deny" },
    xContentTypeOptions: true,
  });
}

/** Express middleware: a fresh nonce, then every security header, for every request. */
export function securityHeaders(env: Env) {
  const framed = helmetFor(env, { framable: true });
  const unframed = helmetFor(env, { framable: false });
  return function applySecurityHeaders(request: Request, response: Response, next: NextFunction) {
    response.locals.cspNonce = createNonce();
    (isFramablePath(request.path) ? framed : unframed)(request, response, next);
  };
}

/**
 * What a signed-in visitor sees is theirs alone: no browser or shared cache may keep it. Decided
 * by the session cookie's presence (cheap, before any route runs); applied as the headers go out,
 * over whatever Cache-Control the route set.
 */
export function noStoreWithSession(sessionCookieNames: readonly string[]) {
  return function noStore(request: Request, response: Response, next: NextFunction) {
    const cookie = request.get("cookie") ?? "";
    const signedIn = cookie.split(";").some((part) => sessionCookieNames.includes(part.trim().split("=")[0]!));
    if (signedIn) {
      const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
      response.writeHead = ((...args: unknown[]) => {
        response.setHeader("Cache-Control", "no-store");
        return writeHead(...args);
      }) as typeof response.writeHead;
    }
    next();
  };
}
