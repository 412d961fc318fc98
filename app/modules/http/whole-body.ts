/**
 * A document rendered whole (entry.server.tsx) travels to the HTTP adapter (server/remix-handler.ts)
 * as its bytes on the Response, beside an empty body: no web stream to make and read back for a
 * page that is already one buffer. A Response made anywhere else (Remix's own for HEAD, a
 * redirect) has none and is read as a stream as before. The key is a registered symbol because the
 * adapter and the server build hold separate copies of this module.
 */
const WHOLE_BODY = Symbol.for("local4action.wholeBody");

export function responseWithWholeBody(body: Buffer, init: ResponseInit): Response {
  const response = new Response(null, init);
  Object.defineProperty(response, WHOLE_BODY, { value: body });
  return response;
}

export function wholeBodyOf(response: Response): Buffer | undefined {
  return (response as Response & { [WHOLE_BODY]?: Buffer })[WHOLE_BODY];
}
