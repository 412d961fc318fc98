import type express from "express";
import type { Env } from "../app/modules/config/env.server";
import { EDGE_STATUS, edgeLanguage, edgePage, type EdgeRefusal } from "../app/modules/http/edge-page.server";
import { formBodyProblem, formMediaType, requestTargetProblem } from "../app/modules/http/request-target";

/**
 * The HTTP edge: what every request passes before a static file, the page cache or Remix sees it.
 * Each refusal is a 4xx with a small page in the visitor's language (http/edge-page.server.ts),
 * never a 500. See docs/decisions/100-http-edge.md.
 */

/** The methods the app answers: pages and `_data` (GET, HEAD), forms (POST), CORS preflights of the open data (OPTIONS). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

async function refuse(request: express.Request, response: express.Response, refusal: EdgeRefusal, headers: Record<string, string> = {}) {
  const language = await edgeLanguage(request.originalUrl, request.get("cookie"));
  const page = await edgePage(refusal, language);
  if (response.headersSent) return;
  response.status(EDGE_STATUS[refusal]).set(headers).type("text/html; charset=utf-8").set("Cache-Control", "no-store").send(page);
}

const failSafe =
  (handler: (request: express.Request, response: express.Response, next: express.NextFunction) => Promise<void> | void) =>
  (request: express.Request, response: express.Response, next: express.NextFunction) => {
    Promise.resolve(handler(request, response, next)).catch(next);
  };

/**
 * Session cookies are SameSite=Lax already; as a second line, a browser POST whose Origin is not
 * this site's is refused (forms and fetches from this site send their own origin). This site is
 * PUBLIC_URL when set (a proxy may rewrite Host), else the Host the request names.
 */
export function sameSiteWrites(env: Env) {
  return failSafe((request, response, next) => {
    if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return next();
    const origin = request.get("origin");
    if (!origin) return next();
    try {
      const from = new URL(origin);
      if (env.PUBLIC_URL ? from.origin === env.PUBLIC_URL : from.host === request.get("host")) return next();
    } catch {
      // fall through: a malformed Origin is refused
    }
    return refuse(request, response, "crossSite");
  });
}

/** TRACE, PUT, DELETE and the rest: 405 on every path, with the methods that are answered. */
export const allowedMethodsOnly = failSafe((request, response, next) => {
  if (ALLOWED_METHODS.includes(request.method)) return next();
  return refuse(request, response, "methodNotAllowed", { Allow: ALLOWED_METHODS.join(", ") });
});

/**
 * In production the app answers only for PUBLIC_URL's host (421 otherwise): a request sent with
 * another Host, or a trusted proxy's X-Forwarded-Host, is not the registry's. `/healthz` is
 * exempt (and `/readyz`), for load balancers that probe by IP.
 */
export function publicHostOnly(env: Env) {
  if (env.NODE_ENV !== "production" || !env.PUBLIC_URL) return (_request: express.Request, _response: express.Response, next: express.NextFunction) => next();
  const expected = new URL(env.PUBLIC_URL);
  return failSafe((request, response, next) => {
    if (request.path === "/healthz" || request.path === "/readyz") return next();
    if (sameHost(requestHost(request), expected)) return next();
    return refuse(request, response, "misdirected");
  });
}

/** The host the client asked for: a trusted proxy's X-Forwarded-Host (first hop), else Host (as Express's req.hostname, with the port). */
function requestHost(request: express.Request): string | undefined {
  const trust = request.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = request.get("x-forwarded-host");
  if (forwarded && trust(request.socket.remoteAddress, 0)) return forwarded.split(",")[0]!.trim();
  return request.get("host");
}

function sameHost(host: string | undefined, expected: URL) {
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return false;
  try {
    // URL lowercases the name and drops the scheme's default port, as PUBLIC_URL's origin did.
    return new URL(`${expected.protocol}//${host}`).host === expected.host;
  } catch {
    return false;
  }
}

/**
 * A request that has no answer after `timeoutMs` (a database that stopped answering, say) gets the
 * localised 503 page instead of hanging; whatever the route sends later is dropped
 * (server/remix-handler.ts). A response already streaming is left to finish.
 */
export function requestTimeout(timeoutMs: number) {
  return (request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (timeoutMs <= 0) return next();
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      response.locals.timedOut = true;
      void refuse(request, response, "unavailable", { "Retry-After": "5" }).catch(() => response.destroy());
    }, timeoutMs);
    timer.unref();
    response.once("close", () => clearTimeout(timer));
    response.once("finish", () => clearTimeout(timer));
    next();
  };
}

/** NUL bytes, invalid UTF-8 or broken percent-encoding in the path or query: 400. */
export const wellFormedTarget = failSafe((request, response, next) => {
  if (!requestTargetProblem(request.originalUrl)) return next();
  return refuse(request, response, "badRequest");
});

declare module "express-serve-static-core" {
  interface Locals {
    /** The body of a form POST, read and checked by `formBodies` (server/edge.ts). */
    formBody?: Buffer;
    /** Set when `requestTimeout` answered 503 (server/edge.ts). */
    timedOut?: boolean;
  }
}

/**
 * A POST must be a form (urlencoded or multipart: the only bodies the app reads), 415 otherwise;
 * at most `limit` bytes, 413 otherwise, decided from Content-Length before reading anything and by
 * counting as it arrives (a chunked body has no length); then free of NUL bytes and invalid
 * UTF-8, 400 otherwise. The body, read once here, is what Remix gets (server/remix-handler.ts).
 */
export function formBodies(limit: number) {
  return failSafe(async (request, response, next) => {
    if (request.method !== "POST") return next();
    const type = formMediaType(request.get("content-type"));
    if (!type) return refuseUnread(request, response, "unsupportedType");
    const declared = Number(request.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) return refuseUnread(request, response, "tooLarge");

    const body = await readAtMost(request, limit);
    if (body === "aborted") return;
    if (body === "tooLarge") return refuseUnread(request, response, "tooLarge");
    if (formBodyProblem(type, body)) return refuse(request, response, "badRequest");
    response.locals.formBody = body;
    next();
  });
}

function readAtMost(request: express.Request, limit: number): Promise<Buffer | "tooLarge" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | "tooLarge" | "aborted") => {
      request.off("data", onData).off("end", onEnd).off("error", onAbort).off("aborted", onAbort).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        return finish("tooLarge");
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onAbort = () => finish("aborted");
    const onClose = () => {
      if (!request.complete) finish("aborted");
    };
    request.on("data", onData).once("end", onEnd).once("error", onAbort).once("aborted", onAbort).once("close", onClose);
  });
}

/** How long the rest of a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 5_000;

/**
 * Answers before the rest of the body is read, then reads and drops that rest (nothing is kept,
 * so memory stays flat) for at most LINGER_MS, as nginx's lingering close does: a socket closed
 * while the client is still sending is reset, and the client loses the answer with it. So the
 * connection is closed only once the body has ended (or the linger is over): Node would close it
 * right after the answer (`destroySoon`), which is postponed to then.
 */
async function refuseUnread(request: express.Request, response: express.Response, refusal: EdgeRefusal) {
  const socket = request.socket;
  const closeWhenWritten = socket.destroySoon.bind(socket);
  if (!request.complete) {
    socket.destroySoon = () => socket.end();
    const cutOff = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    request.once("end", () => {
      clearTimeout(cutOff);
      closeWhenWritten();
    });
  }
  response.set("Connection", "close");
  await refuse(request, response, refusal);
  request.resume();
}

/**
 * The last handler: an error no route turned into a response (a bug) is logged and answered with
 * a plain 500, never with Express's stack-trace page.
 */
export function lastResortErrors(error: unknown, request: express.Request, response: express.Response, next: express.NextFunction) {
  console.error(`[error] ${request.method} ${request.path}`, error);
  if (response.headersSent) return next(error);
  response.status(500).type("text/plain; charset=utf-8").send("Internal Server Error");
}
