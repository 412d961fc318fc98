import { Worker } from "node:worker_threads";
import type { DocumentParts } from "../app/modules/http/document-parts.server";
import type { Logger } from "./logger";

/**
 * One thread that renders pages (server/render-thread.mjs) beside the main thread, which runs the
 * loaders and answers requests. A cache miss's main-thread time was a quarter React's render
 * (decision 120, section 25); here it costs the main thread a message each way.
 *
 * A page goes to the thread only once it is ready; until then, and when it stops (an error, out of
 * memory), `render` answers undefined and the main thread renders as it would without it. A thread
 * that stops is started again after RESTART_DELAY_MS; the renders it had are answered undefined.
 *
 * A thread that has had work for `stallMs` without answering any of it (a render that never ends)
 * is stopped, and started again as above. The render it was on (the thread marks it in shared
 * memory) fails with a RenderStalledError: the error page, not a second try on the main thread,
 * which would hang it too. The others queued behind it are answered undefined.
 */
export interface DocumentRenderer {
  render(parts: DocumentParts): Promise<Buffer | undefined>;
  /** True once a thread is ready; false if none could be started (pages are then made on the main thread). */
  whenReady(): Promise<boolean>;
  /** Pages made by the thread, pages it handed back (not ready, failed, stopped), and pages it never finished. */
  counts(): { rendered: number; declined: number; stalled: number };
  close(): Promise<void>;
}

/**
 * The thread's heap: one page at a time, with its own copy of the build and the i18n instances.
 * Its young generation is bounded: with V8's default the thread added about 110 MB to the
 * process's memory on a load of HUB pages and searches, with 8 MB about 70 (decision 120, section 26).
 */
const RENDER_THREAD_HEAP_MB = 64;
const RENDER_THREAD_YOUNG_MB = 8;
const RESTART_DELAY_MS = 1_000;
/** A thread that stops this many times in a row before it is ready is not started again. */
const MAX_FAILED_STARTS = 3;
/**
 * A page takes the thread about a millisecond (decision 120, section 26); ten seconds without an
 * answer is a render that will not end. Below REQUEST_TIMEOUT_MS's default (20 s), so its visitor
 * gets the error page rather than the timeout's.
 */
const STALL_MS = 10_000;

/** The render the thread was on when it stopped answering (see DocumentRenderer). */
export class RenderStalledError extends Error {
  constructor(stallMs: number, url: string) {
    super(`the render thread gave no answer for ${stallMs} ms while rendering ${url}`);
    this.name = "RenderStalledError";
  }
}

interface PendingRender {
  url: string;
  resolve: (body: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

export function startRenderWorker({
  buildUrl,
  logger,
  stallMs = STALL_MS,
}: {
  buildUrl: string;
  logger?: Logger;
  stallMs?: number;
}): DocumentRenderer {
  let worker: Worker | undefined;
  let ready = false;
  let closed = false;
  let nextId = 0;
  let failedStarts = 0;
  // In the order they were posted, which is the order the thread takes them in.
  const pending = new Map<number, PendingRender>();
  const counts = { rendered: 0, declined: 0, stalled: 0 };
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  // The id + 1 of the page the current thread's React is rendering, 0 for none (render-thread.mjs).
  let rendering = new Int32Array(new SharedArrayBuffer(4));
  let settleReady: (ready: boolean) => void = () => {};
  const firstReady = new Promise<boolean>((resolve) => (settleReady = resolve));

  const declineAll = () => {
    stopWatchdog();
    for (const { resolve } of pending.values()) resolve(undefined);
    counts.declined += pending.size;
    pending.clear();
  };

  const stopWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = undefined;
  };
  // Armed while the thread has work, and again at each answer: it measures the time since the
  // thread last answered, however many pages are queued.
  const watchProgress = (thread: Worker) => {
    stopWatchdog();
    if (pending.size === 0) return;
    watchdog = setTimeout(() => {
      watchdog = undefined;
      if (worker !== thread) return;
      // The page it is on; if none is marked (stuck before React started), the oldest it was given.
      const marked = Atomics.load(rendering, 0) - 1;
      const id = pending.has(marked) ? marked : pending.keys().next().value;
      const stalled = id === undefined ? undefined : pending.get(id);
      if (stalled) {
        const { url, reject } = stalled;
        pending.delete(id!);
        counts.stalled += 1;
        reject(new RenderStalledError(stallMs, url));
        logger?.error(`[render] the render thread gave no answer for ${stallMs} ms (on ${url}): stopping it`);
      }
      // Its exit answers the rest and starts another thread.
      void thread.terminate();
    }, stallMs);
    watchdog.unref();
  };

  const start = () => {
    ready = false;
    rendering = new Int32Array(new SharedArrayBuffer(4));
    const thread = new Worker(new URL("./render-thread.mjs", import.meta.url), {
      workerData: { buildUrl, rendering: rendering.buffer },
      resourceLimits: { maxOldGenerationSizeMb: RENDER_THREAD_HEAP_MB, maxYoungGenerationSizeMb: RENDER_THREAD_YOUNG_MB },
    });
    worker = thread;
    // The process may end without waiting for this thread.
    thread.unref();
    thread.on("message", (message: { ready?: true; id?: number; body?: Uint8Array }) => {
      if (message.ready) {
        ready = true;
        failedStarts = 0;
        settleReady(true);
        return;
      }
      const render = pending.get(message.id!);
      if (!render) return;
      pending.delete(message.id!);
      watchProgress(thread);
      if (message.body) counts.rendered += 1;
      else counts.declined += 1;
      render.resolve(message.body ? Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength) : undefined);
    });
    thread.on("error", (error) => logger?.error({ err: error }, "[render] the render thread failed"));
    thread.on("exit", (code) => {
      if (worker === thread) worker = undefined;
      if (!ready) failedStarts += 1;
      ready = false;
      declineAll();
      if (closed) return settleReady(false);
      if (failedStarts >= MAX_FAILED_STARTS) {
        settleReady(false);
        logger?.error(`[render] the render thread stopped ${failedStarts} times before it was ready: pages are rendered on the main thread`);
        return;
      }
      logger?.warn(`[render] the render thread stopped (exit code ${code}): starting another`);
      setTimeout(() => {
        if (!closed && !worker) start();
      }, RESTART_DELAY_MS).unref();
    });
  };
  start();

  return {
    render(parts) {
      if (!ready || !worker) {
        counts.declined += 1;
        return Promise.resolve(undefined);
      }
      const id = nextId++;
      const thread = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { url: parts.url, resolve, reject });
        try {
          thread.postMessage({ id, parts });
        } catch {
          // Loader data that cannot be copied to another thread: made on this one.
          pending.delete(id);
          counts.declined += 1;
          return resolve(undefined);
        }
        if (!watchdog) watchProgress(thread);
      });
    },
    whenReady: () => firstReady,
    counts: () => ({ ...counts }),
    async close() {
      closed = true;
      settleReady(false);
      const thread = worker;
      worker = undefined;
      declineAll();
      await thread?.terminate();
    },
  };
}
