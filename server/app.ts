import { timingSafeEqual } from "node:crypto";
import { readdirSync } from "node:fs";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import type { DatabaseHandle } from "../db/index";
import { serverMode, type Env } from "../app/modules/config/env.server";
import { publicPageCache } from "./page-cache";
import { getHubPageVersion, getPublicDataVersion } from "../app/modules/hubs/public-cache.server";
import { SESSION_COOKIE_NAMES } from "../app/modules/accounts/session.server";
import { publicOrigin } from "../app/modules/http/public-url.server";
import { noStoreWithSession, securityHeaders } from "../app/modules/http/security-headers.server";
import { allowedMethodsOnly, formBodies, lastResortErrors, publicHostOnly, requestTimeout, wellFormedTarget, sameSiteWrites } from "./edge";
import { createLogger, type Logger } from "./logger";
import { pageCacheLookups, registry } from "./metrics";
import { remixHandler } from "./remix-handler";
import { requestLog } from "./request-log";
import { routeLabeller } from "./route-label";
import type { DocumentRenderer } from "./render-worker";

/** The Express app around the Remix build; the database handle is shared by every request. */
export function createApp({
  build,
  database,
  env,
  logger = createLogger("silent"),
  renderer,
}: {
  build: ServerBuild;
  database: DatabaseHandle;
  env: Env;
  logger?: Logger;
  /** The render thread (server/render-worker.ts); without it every page is rendered on the main thread. */
  renderer?: DocumentRenderer;
}) {
  const app = express();
  app.disable("x-powered-by");
  const metrics = Boolean(env.METRICS_PORT || env.METRICS_TOKEN);
  // First: every request gets an id (X-Request-Id) and one log line when it ends (server/request-log.ts).
  app.use(requestLog({ logger, routeOf: routeLabeller(build), metrics }));
  // Express shows stack traces unless its env is "production": only an explicit development run gets them.
  app.set("env", serverMode(env));
  app.set("trust proxy", env.TRUST_PROXY);
  // The edge (server/edge.ts): headers on every response, then the refusals, before anything answers.
  app.use(securityHeaders(env));
  app.use(requestTimeout(env.REQUEST_TIMEOUT_MS));
  // Prometheus metrics on this port only behind METRICS_TOKEN (METRICS_PORT serves them apart: server/index.ts).
  if (env.METRICS_TOKEN) app.get("/metrics", metricsBehindToken(env.METRICS_TOKEN));
  app.use(allowedMethodsOnly);
  app.use(publicHostOnly(env));
  app.use(wellFormedTarget);
  app.use(compression());
  app.use(sameSiteWrites(env));
  app.use(formBodies(env.MAX_FORM_BYTES));
  // Fingerprinted by the Remix compiler: cache forever. `npm run build` wrote each script and
  // stylesheet's brotli (.br) and zopfli (.gz) twin (scripts/compress-assets.mjs): served as they
  // are to a browser that accepts them, with Vary: Accept-Encoding; compression() above only
  // compresses what has no twin (it leaves a response that already has a Content-Encoding alone).
  app.use(
    "/build",
    expressStaticGzip("public/build", {
      enableBrotli: true,
      orderPreference: ["br", "gzip"],
      index: false,
      serveStatic: { immutable: true, maxAge: "1y" },
    }),
  );
  app.use(publicFiles("public"));
  app.use("/__manifest", shortManifestCaching);
  app.use(noStoreWithSession(SESSION_COOKIE_NAMES));
  // Anonymous map and HUB pages: rendered once per version of what they show (see page-cache.ts).
  app.use(
    publicPageCache({
      getVersion: ({ slug }) => (slug === undefined ? getPublicDataVersion(database.db) : getHubPageVersion(database.db, slug)),
      // Both kinds of page report the version their loader read (the HUB page's with its data,
      // hub-page.server.ts; the map page's with its rate limit, publicPageVersion).
      rendersOwnVersion: () => true,
      onLookup: metrics ? (outcome) => pageCacheLookups.inc({ outcome }) : undefined,
    }),
  );
  app.all(
    "*",
    remixHandler({
      build,
      mode: serverMode(env),
      origin: publicOrigin(env),
      originChecked: Boolean(env.PUBLIC_URL),
      getLoadContext: (request, response) => ({
        db: database.db,
        dbKind: database.kind,
        env,
        clientIp: request.ip,
        cspNonce: response.locals.cspNonce,
        requestLog: response.locals.requestLog,
        onPageVersion: (version) => {
          response.locals.pageVersion = version;
        },
        publicDataVersion: typeof response.locals.versionRead === "number" ? response.locals.versionRead : undefined,
        renderDocument: renderer?.render,
      }),
    }),
  );
  app.use(lastResortErrors);
  return app;
}

/**
 * The files at the top of `folder` (the favicon, robots.txt; build/ is served above), each under its
 * own name. Only a request for one of them looks on disk: a static handler in front of every route
 * cost each page a stat of a file that is not there (and an error object for it).
 */
function publicFiles(folder: string) {
  const names = new Set(readdirSync(folder).filter((name) => name !== "build"));
  const serve = express.static(folder, { maxAge: "1h" });
  return (request: express.Request, response: express.Response, next: express.NextFunction) =>
    names.has(request.path.split("/")[1]) ? serve(request, response, next) : next();
}

/** GET /metrics with `Authorization: Bearer METRICS_TOKEN` (compared in constant time); 404 otherwise, as if absent. */
function metricsBehindToken(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    const given = Buffer.from(request.get("authorization") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next();
    response.set("Cache-Control", "no-store").type(registry.contentType).send(await registry.metrics());
  };
}

/**
 * Remix answers its route discovery (`/__manifest?p=…&version=…`) as `immutable` for a year. The
 * answer is keyed by the build's version, but it is not a fingerprinted file: browsers may keep it
 * for a visit, not for a year past the deploy that made it.
 */
function shortManifestCaching(_request: express.Request, response: express.Response, next: express.NextFunction) {
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) => setHeader(name, name.toLowerCase() === "cache-control" ? "public, max-age=3600" : value);
  next();
}
