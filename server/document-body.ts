import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import type express from "express";
import { preferredCompression } from "../app/modules/http/negotiation.server";

/** Below this a body goes as it is (compression()'s threshold). */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * Sends a whole HTML page (rendered at once, or replayed by the page cache), compressed in one
 * call, as compression() would have: the same encodings, brotli quality 4 or zlib's default level.
 * compression() streams: each page made two zlib jobs on the thread pool, each waking a thread
 * and coming back through a callback, which on 2 cores cost more than compressing the 20 to 60 KB
 * page at once here (decision 120, section 12). compression() leaves a response that has a
 * Content-Encoding alone.
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
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : encoding === "gzip"
        ? gzipSync(body)
        : encoding === "deflate"
          ? deflateSync(body)
          : body;
  // Said outright: compression() sends the headers before passing a body on, too late for Node to count it.
  response.setHeader("Content-Length", sent.length);
  response.end(sent);
}
