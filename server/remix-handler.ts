import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type express from "express";

/**
 * @remix-run/express's request handler (its package does not export the parts to reuse), with
 * two differences:
 * - the URL is built on the public origin (PUBLIC_URL; see http/public-url.server.ts), never on
 *   the request's Host or X-Forwarded-Host;
 * - the body is the one the edge already read, limited and checked (`res.locals.formBody`, see
 *   `formBodies` in server/edge.ts), not the raw request stream.
 */
export function remixHandler({
  build,
  mode,
  origin,
  getLoadContext,
}: {
  build: ServerBuild;
  mode: "development" | "production";
  origin: string;
  getLoadContext: (request: express.Request, response: express.Response) => AppLoadContext;
}) {
  const handleRequest = createRemixHandler(build, mode);
  return async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    try {
      let controller: AbortController | null = new AbortController();
      const init: RequestInit & { duplex?: "half" } = {
        method: request.method,
        headers: createRemixHeaders(request.headers),
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

function createRemixHeaders(requestHeaders: express.Request["headers"]) {
  const headers = new Headers();
  for (const [name, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

async function sendRemixResponse(response: express.Response, remixResponse: Response) {
  response.statusMessage = remixResponse.statusText;
  response.status(remixResponse.status);
  for (const [name, value] of remixResponse.headers.entries()) response.append(name, value);
  if (remixResponse.headers.get("Content-Type")?.match(/text\/event-stream/i)) response.flushHeaders();
  if (remixResponse.body) await writeReadableStreamToWritable(remixResponse.body, response);
  else response.end();
}
