import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentParts } from "~/modules/http/document-parts.server";
import { RenderStalledError, startRenderWorker, type DocumentRenderer } from "../../server/render-worker";

const fixture = (name: string) => pathToFileURL(path.resolve(__dirname, "../fixtures/render-thread", name)).href;

function parts(urlPath: string, title = "Agua"): DocumentParts {
  return {
    url: `http://127.0.0.1${urlPath}`,
    nonce: "n",
    language: "en",
    serverHandoffString: "{}",
    basename: "/",
    location: { pathname: urlPath, search: "", hash: "", state: null, key: "default" },
    matches: [{ params: {}, pathname: "/", pathnameBase: "/", route: { id: "root" } }],
    statusCode: 200,
    loaderData: { root: { title } },
    actionData: null,
  };
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Renders until the thread answers (it declines until its build is loaded). */
async function renderOnceReady(renderer: DocumentRenderer, page: DocumentParts) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const body = await renderer.render(page);
    if (body) return body;
    if (Date.now() > deadline) throw new Error("the render thread never answered");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the render thread (server/render-worker.ts)", () => {
  let renderer: DocumentRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it("makes pages from their parts on its own thread, short and long, and counts them", async () => {
    renderer = startRenderWorker({ buildUrl: fixture("build.mjs") });
    // Not ready yet: handed back to the main thread at once.
    expect(await renderer.render(parts("/en"))).toBeUndefined();
    expect(await renderer.whenReady()).toBe(true);
    expect(String(await renderer.render(parts("/en", "Água")))).toBe("<p>/en Água</p>");
    const [long, short] = await Promise.all([renderer.render(parts("/long")), renderer.render(parts("/fr", "Eau"))]);
    expect(long!.length).toBe(10_007);
    expect(String(short)).toBe("<p>/fr Eau</p>");
    const { rendered, declined } = renderer.counts();
    expect(rendered).toBe(3);
    expect(declined).toBeGreaterThanOrEqual(1);
  });

  it("hands back a page whose render fails, and data that cannot be copied to another thread", async () => {
    renderer = startRenderWorker({ buildUrl: fixture("build.mjs") });
    await renderOnceReady(renderer, parts("/en"));
    const before = renderer.counts();
    expect(await renderer.render(parts("/throw"))).toBeUndefined();
    const uncopyable = { ...parts("/en"), loaderData: { root: { title: "x", format: () => "a function" } } };
    expect(await renderer.render(uncopyable)).toBeUndefined();
    expect(renderer.counts()).toEqual({ rendered: before.rendered, declined: before.declined + 2, stalled: 0 });
    // The thread is still there.
    expect(String(await renderer.render(parts("/es", "Agua")))).toBe("<p>/es Agua</p>");
  });

  it("answers the renders of a thread that stopped, and starts another", async () => {
    renderer = startRenderWorker({ buildUrl: fixture("build.mjs") });
    await renderOnceReady(renderer, parts("/en"));
    const waiting = renderer.render(parts("/slow"));
    const ending = renderer.render(parts("/exit"));
    expect(await ending).toBeUndefined();
    expect(await waiting).toBeUndefined();
    // Until the new thread is ready, pages are made on the main thread; then by the new thread.
    expect(String(await renderOnceReady(renderer, parts("/en", "again")))).toBe("<p>/en again</p>");
  });

  it("stops a thread that never finishes a render: that page fails, the pages queued behind it go back, another thread takes over", async () => {
    const errors: string[] = [];
    const logger = { warn: () => {}, error: (...args: unknown[]) => errors.push(String(args.at(-1))) };
    renderer = startRenderWorker({ buildUrl: fixture("build.mjs"), logger: logger as never, stallMs: 300 });
    await renderOnceReady(renderer, parts("/en"));
    // Pages answered slowly but steadily are not a stall: each answer restarts the clock. Three
    // 200 ms renders posted 150 ms apart keep the thread busy for 500 ms, never 300 without an answer.
    const steady: Promise<Buffer | undefined>[] = [];
    for (const _ of [1, 2, 3]) {
      steady.push(renderer.render(parts("/slow")));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect((await Promise.all(steady)).map(String)).toEqual(["<p>/slow Agua</p>", "<p>/slow Agua</p>", "<p>/slow Agua</p>"]);
    expect(renderer.counts().stalled).toBe(0);

    const hanging = renderer.render(parts("/hang"));
    const queued = renderer.render(parts("/fr", "Eau"));
    await expect(hanging).rejects.toBeInstanceOf(RenderStalledError);
    expect(await queued).toBeUndefined();
    expect(renderer.counts().stalled).toBe(1);
    expect(errors.some((line) => line.includes("gave no answer for 300 ms") && line.includes("/hang"))).toBe(true);
    expect(String(await renderOnceReady(renderer, parts("/es", "otra vez")))).toBe("<p>/es otra vez</p>");
  });

  it("fails the page the thread is stuck on, even when an older one is still waiting on it", async () => {
    renderer = startRenderWorker({ buildUrl: fixture("build.mjs"), stallMs: 300 });
    await renderOnceReady(renderer, parts("/en"));
    // /slow awaits before it renders; /hang starts rendering meanwhile and never ends, so /slow never resumes.
    const waiting = renderer.render(parts("/slow"));
    const hanging = renderer.render(parts("/hang"));
    await expect(hanging).rejects.toBeInstanceOf(RenderStalledError);
    // Handed back to the main thread, where it renders: not failed for a page that was not its own.
    expect(await waiting).toBeUndefined();
    expect(renderer.counts().stalled).toBe(1);
  });

  it("stops starting a thread whose build never loads, and declines every page", async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message), error: (..._args: unknown[]) => warnings.push(String(_args.at(-1))) };
    renderer = startRenderWorker({ buildUrl: fixture("broken-build.mjs"), logger: logger as never });
    expect(await renderer.whenReady()).toBe(false);
    await until(() => warnings.some((line) => line.includes("pages are rendered on the main thread")), "the render thread to be given up");
    const startsSeen = warnings.filter((line) => line.includes("starting another")).length;
    expect(startsSeen).toBe(2);
    expect(await renderer.render(parts("/en"))).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(warnings.filter((line) => line.includes("starting another")).length).toBe(startsSeen);
  });
});
