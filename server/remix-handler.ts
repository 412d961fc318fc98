import { createRequestHandler as createRemixHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type express from "express";
import { wholeBodyOf } from "../app/modules/http/whole-body";
import { sendDocument } from "./document-body";

/**
 * @remix-run/express's request handler (its package does not export the parts to reuse), with
 * two differences:
 * - the URL is built on the public origin (PUBLIC_URL; see http/public-url.server.ts), never on
 *   the request's Host or X-Forwarded-Host;
 * - Remix's own check of Origin against Host sees the host the edge has already checked Origin
 *   against (PUBLIC_URL's, when set; see rejectCrossSiteWrites in server/app.ts): a proxy may
 *   rewrite Host, and a forged X-Forwarded-Host must not turn a post into a 500;
 * - the body is the one the edge already read, limited and checked (`res.locals.formBody`, see
 *   `formBodies` in server/edge.ts), not the raw request stream.
 */
export function remixHandler({
  build,
  mode,
  origin,
  originChecked,
  getLoadContext,
}: {
  build: ServerBuild;
  mode: "development" | "production";
  origin: string;
  /** True when the edge compares Origin with `origin` itself (PUBLIC_URL set). */
  originChecked: boolean;
  getLoadContext: (request: express.Request, response: express.Response) => AppLoadContext;
}) {
  const handleRequest = createRemixHandler(build, mode);
  return async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    try {
      let controller: AbortController | null = new AbortController();
      const init: RequestInit & { duplex?: "half" } = {
        method: request.method,
        headers: createRemixHeaders(request.headers, originChecked ? new URL(origin).host : undefined),
        signal: controller.signal,
      };
      if (request.method !== "GET" && request.method !== "HEAD") {
        init.body = (response.locals.formBody ?? null) as BodyInit | null;
        init.duplex = "half";
      }
      // Abort loaders and actions once nothing can be written (`close` without `finish`).
      response.on("finish", () => (controller = null));
      response.on("close", () => controller?.abort());
      const remixRequest = new Request(`${origin}${request.originalUrl}`, init);
      await sendRemixResponse(response, await handleRequest(remixRequest, getLoadContext(request, response)));
    } catch (error) {
      next(error);
    }
  };
}

/** Forwarding headers stay at the edge, where Express's `trust proxy` decides what they are worth. */
const EDGE_ONLY_HEADERS = new Set(["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "forwarded"]);

function createRemixHeaders(requestHeaders: express.Request["headers"], checkedHost: string | undefined) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(requestHeaders)) {
    if (!values || EDGE_ONLY_HEADERS.has(name.toLowerCase())) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  if (checkedHost) headers.set("host", checkedHost);
  return headers;
}

async function sendRemixResponse(response: express.Response, remixResponse: Response) {
  // The request timeout (server/edge.ts) answered already: drop what came too late.
  if (response.headersSent) {
    await remixResponse.body?.cancel().catch(() => {});
    return;
  }
  response.statusMessage = remixResponse.statusText;
  response.status(remixResponse.status);
  for (const [name, value] of remixResponse.headers.entries()) response.append(name, value);
  if (remixResponse.headers.get("Content-Type")?.match(/text\/event-stream/i)) response.flushHeaders();
  const whole = wholeBodyOf(remixResponse);
  if (whole) sendDocument(response.req, response, whole);
  else if (remixResponse.body) await writeBody(remixResponse.body, response);
  else response.end();
}

/** What a turn may gather before it is written at once (an export reads far more than this per turn). */
const MAX_PENDING_BYTES = 64 * 1024;

/**
 * Remix's writeReadableStreamToWritable, but waiting for the socket to drain whenever it is full
 * (Remix's does not), so a streamed export is read from the database no faster than the client
 * takes it, and a client that goes away cancels the stream.
 */
export async function writeBody(body: ReadableStream<Uint8Array>, response: express.Response) {
  const reader = body.getReader();
  const flushable = response as unknown as { flush?: () => void };
  // One listener each for the whole response (compression() moves "drain" listeners to its stream).
  let wake: (() => void) | null = null;
  let blocked = false;
  const onWake = () => {
    blocked = false;
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  response.on("drain", onWake);
  response.once("close", onWake);
  // compression() buffers: send what the stream has so far, as Remix's own writer does, but once per
  // turn of the event loop rather than after every chunk, and as one write. React writes a page as
  // many small chunks in one go; a write and a flush of each made a zlib job, a compressed block and
  // a socket write of each (on a HUB page about a third of the server's CPU was zlib and socket
  // writes). A stream that waits (an export between two database reads, a suspended boundary) is
  // still sent and flushed before it waits.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const writePending = () => {
    if (pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!response.destroyed && !response.write(chunk)) blocked = true;
  };
  let sendPending = false;
  const sendSoon = () => {
    if (sendPending) return;
    sendPending = true;
    setImmediate(() => {
      sendPending = false;
      if (response.writableEnded || response.destroyed) return;
      writePending();
      flushable.flush?.();
    });
  };
  try {
    while (true) {
      if (blocked && !response.destroyed) await new Promise<void>((resolve) => (wake = resolve));
      if (response.destroyed) {
        await reader.cancel();
        break;
      }
      const { done, value } = await reader.read();
      if (done) {
        writePending();
        response.end();
        break;
      }
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= MAX_PENDING_BYTES) writePending();
      sendSoon();
    }
  } catch (error) {
    response.destroy(error as Error);
    throw error;
  }
}
