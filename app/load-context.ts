import type { DB, DatabaseKind } from "../db/index";
import type { Env } from "~/modules/config/env.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: DB;
    dbKind: DatabaseKind;
    env: Env;
    /** The client's IP address (Express `req.ip`: behind a proxy only when `trust proxy` is set). */
    clientIp?: string;
    /** This response's CSP nonce (http/security-headers.server.ts): every inline script carries it. */
    cspNonce?: string;
    /** What the request log (server/request-log.ts) adds to the request's line: the signed-in user's id. */
    requestLog?: { userId?: number };
    /**
     * Told the version of what the page shows when a loader read it in the same statement as the
     * page's data (hub-page.server.ts): the page cache keeps a page it had no entry for under it,
     * without reading the version first (server/page-cache.ts).
     */
    onPageVersion?: (version: string) => void;
  }
}

export {};
