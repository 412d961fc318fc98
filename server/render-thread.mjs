// @ts-check
import { parentPort, workerData } from "node:worker_threads";

/**
 * The render thread (started by server/render-worker.ts): its own copy of the server build, and
 * pages made from their parts with the build's entry (entry.server.tsx, renderDocumentFromParts).
 * Each page goes back as its bytes, handed over rather than copied. Plain JavaScript: a worker
 * thread does not inherit the main thread's TypeScript loader, and the build it loads is JavaScript.
 */
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
const build = await import(workerData.buildUrl);
/** @type {(build: unknown, parts: unknown, beforeRender: () => void) => Promise<Buffer | undefined>} */
const renderDocumentFromParts = build.entry.module.renderDocumentFromParts;
// The page React is rendering (its id + 1; 0 for none), shared with the main thread's watchdog: a
// render that never ends holds the thread, and this names it (server/render-worker.ts).
const rendering = new Int32Array(workerData.rendering);

port.on("message", async ({ id, parts }) => {
  /** @type {Buffer | undefined} */
  let body;
  try {
    body = await renderDocumentFromParts(build, parts, () => Atomics.store(rendering, 0, id + 1));
  } catch {
    body = undefined;
  } finally {
    Atomics.compareExchange(rendering, 0, id + 1, 0);
  }
  const bytes = body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined;
  // Handed over when the page has its memory to itself; a slice of Node's shared pool is copied.
  const own = bytes !== undefined && bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
  port.postMessage({ id, body: bytes }, own ? [bytes.buffer] : []);
});
port.postMessage({ ready: true });
