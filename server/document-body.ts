import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import type express from "express";
import { preferredCompression } from "../app/modules/http/negotiation.server";

/** Below this a body goes as it is (compression()'s threshold). */
const MIN_COMPRESSED_BYTES = 1024;

/** Levels for pages made per request: half the time of brotli 4, a third of gzip 6, for 5 % more bytes (decision 120, section 12). */
const BROTLI_QUALITY = 3;
const GZIP_LEVEL = 3;

/**
 * Sends a whole HTML page (rendered at once, or replayed by the page cache), compressed in one
 * call, in the encoding compression() would have chosen. compression() streams: each page made two
 * zlib jobs on the thread pool, each waking a thread and coming back through a callback, which on
 * 2 cores cost more than compressing the 20 to 60 KB page at once here (decision 120, section 12).
 * compression() leaves a response that has a Content-Encoding alone.
 *
 * The page as rendered stays in `response.locals.documentBody`, for the page cache to keep (it
 * stores plain HTML and replays it with each request's nonce).
 */
export function sendDocument(request: express.Request, response: express.Response, body: Buffer) {
  response.locals.documentBody = body;
  response.vary("Accept-Encoding");
  const encoding = body.length >= MIN_COMPRESSED_BYTES && !response.hasHeader("Content-Encoding") ? preferredCompression(request.get("Accept-Encoding")) : undefined;
  if (encoding !== undefined) response.setHeader("Content-Encoding", encoding);
  const sent =
    encoding === "br"
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : encoding === "gzip"
        ? gzipSync(body, { level: GZIP_LEVEL })
        : encoding === "deflate"
          ? deflateSync(body, { level: GZIP_LEVEL })
          : body;
  // Said outright: compression() sends the headers before passing a body on, too late for Node to count it.
  response.setHeader("Content-Length", sent.length);
  response.end(sent);
}
