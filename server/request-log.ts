import { randomUUID } from "node:crypto";
import type express from "express";
import type { Logger } from "./logger";
import { httpDuration, httpRequests } from "./metrics";

declare module "express-serve-static-core" {
  interface Locals {
    /** This request's id: the X-Request-Id a proxy sent (if well-formed), else a new one; echoed back. */
    requestId?: string;
    /** Filled while the request runs (the signed-in user's id, by getSessionUser); logged at the end. */
    requestLog?: { userId?: number };
  }
}

const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const SECRET_IN_PATH = /\$token\b/;

/**
 * One log line per request when it ends (or is abandoned), and the request metrics:
 * `{ reqId, method, route, path, status, ms, userId }`. The path is logged without its query, and
 * not at all for the routes whose path holds a token (invitations, password reset); no header,
 * cookie or body is logged.
 */
export function requestLog({ logger, routeOf, metrics }: { logger: Logger; routeOf: (path: string) => string; metrics: boolean }) {
  return (request: express.Request, response: express.Response, next: express.NextFunction) => {
    const started = process.hrtime.bigint();
    const incoming = request.get("x-request-id");
    const requestId = incoming && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.locals.requestLog = {};
    response.setHeader("X-Request-Id", requestId);
    let logged = false;
    const done = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request.path);
      const status = aborted && !response.writableFinished ? 499 : response.statusCode;
      const line = {
        reqId: requestId,
        method: request.method,
        route,
        // Invitation and password-reset links carry their token in the path: those paths are not logged.
        path: SECRET_IN_PATH.test(route) ? "[redacted]" : request.path,
        status,
        ms: Math.round(seconds * 1000),
        userId: response.locals.requestLog?.userId,
        timedOut: response.locals.timedOut || undefined,
      };
      if (status >= 500) logger.error(line, "request");
      else logger.info(line, "request");
      if (metrics) {
        httpRequests.inc({ method: request.method, route, status: String(status) });
        httpDuration.observe({ method: request.method, route }, seconds);
      }
    };
    response.once("finish", () => done(false));
    response.once("close", () => done(true));
    next();
  };
}
