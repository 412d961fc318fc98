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
import { allowedMethodsOnly, formBodies, lastResortErrors, publicHostOnly, wellFormedTarget, sameSiteWrites } from "./edge";
import { remixHandler } from "./remix-handler";

/** The Express app around the Remix build; the database handle is shared by every request. */
export function createApp({ build, database, env }: { build: ServerBuild; database: DatabaseHandle; env: Env }) {
  const app = express();
  app.disable("x-powered-by");
  // Express shows stack traces unless its env is "production": only an explicit development run gets them.
  app.set("env", serverMode(env));
  app.set("trust proxy", env.TRUST_PROXY);
  // The edge (server/edge.ts): headers on every response, then the refusals, before anything answers.
  app.use(securityHeaders(env));
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
  app.use(express.static("public", { maxAge: "1h" }));
  app.use("/__manifest", shortManifestCaching);
  app.use(noStoreWithSession(SESSION_COOKIE_NAMES));
  // Anonymous map and HUB pages: rendered once per version of what they show (see page-cache.ts).
  app.use(
    publicPageCache({
      getVersion: ({ slug }) => (slug === undefined ? getPublicDataVersion(database.db) : getHubPageVersion(database.db, slug)),
    }),
  );
  app.all(
    "*",
    remixHandler({
      build,
      mode: serverMode(env),
      origin: publicOrigin(env),
      originChecked: Boolean(env.PUBLIC_URL),
      getLoadContext: (request, response) => ({ db: database.db, dbKind: database.kind, env, clientIp: request.ip, cspNonce: response.locals.cspNonce }),
    }),
  );
  app.use(lastResortErrors);
  return app;
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
