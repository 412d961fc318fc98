import type { DB, DatabaseKind } from "../db/index";
import type { Env } from "~/modules/config/env.server";
import type { DocumentParts } from "~/modules/http/document-parts.server";

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
     * Told the version of what the page shows, read by its loader (the HUB page's in the same
     * statement as its data, hub-page.server.ts; the map page's with its rate limit,
     * `publicPageVersion`): the page cache keeps a page it had no entry for under it, without
     * reading the version first (server/page-cache.ts).
     */
    onPageVersion?: (version: number | string) => void;
    /**
     * The public data version the page cache read for this request before it missed (a map page it
     * had an older entry for): the map page's data is read at it, without a second read.
     */
    publicDataVersion?: number;
    /**
     * The render thread (server/render-worker.ts), when the server runs one: a page's bytes made
     * from its parts, or undefined when the page must be made on this thread. It rejects (a
     * RenderStalledError) when the thread never finished the page: the error page is made then.
     */
    renderDocument?: (parts: DocumentParts) => Promise<Buffer | undefined>;
  }
}

export {};
