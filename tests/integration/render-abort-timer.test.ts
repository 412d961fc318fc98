import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serveApp, type ServedApp } from "../support/app-server";

// entry.server.tsx renders a page with React's string renderer when nothing is deferred, and
// streams it (renderToPipeableStream) when that render did not come out whole. The stream's render
// is aborted after ABORT_DELAY if still waiting; a render that finished must not leave that timer
// running: it would hold the page's tree and data in memory for 5 s, and abort an ended stream (an
// error object made per page).
const renderer = vi.hoisted(() => ({ notWhole: false }));
vi.mock("react-dom/server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("react-dom/server")>();
  // A client-rendered boundary, as React writes one that suspended or failed.
  return { ...actual, renderToString: (...args: Parameters<typeof actual.renderToString>) => (renderer.notWhole ? "<!--$!--><p>fallback</p><!--/$-->" : actual.renderToString(...args)) };
});

const PAGES = ["/en/about", "/fr/calls", "/es/open-data"];
/** A page without its request's nonce. */
const withoutNonce = (body: string) => body.replace(/nonce="[^"]*"/g, 'nonce=""');

/**
 * Remix's `<Scripts nonce>` gives its module preloads the nonce too (patches/@remix-run+react):
 * under 'strict-dynamic' a preload without it is blocked. Both renderers, so checked on each page.
 */
function expectNonceOnPreloads(body: string, csp: string | null) {
  const nonce = /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  expect(nonce, String(csp)).toBeDefined();
  const preloads = [...body.matchAll(/<link rel="modulepreload"[^>]*>/g)].map(([tag]) => tag);
  expect(preloads.length).toBeGreaterThan(2);
  for (const tag of preloads) expect(tag).toContain(`nonce="${nonce}"`);
}

describe("the render (entry.server.tsx)", () => {
  let app: ServedApp;
  let base = "";
  beforeAll(async () => {
    app = await serveApp();
    base = app.base;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await app?.close();
  });

  /** The pages' bodies and React's abort timers (set for ABORT_DELAY) made while fetching them, with whether each was cleared. */
  async function fetchPages() {
    // Warm up first (route modules, caches), so the spied requests are ordinary ones.
    expect((await fetch(`${base}/en/about`)).status).toBe(200);
    const setTimer = vi.spyOn(globalThis, "setTimeout");
    const clearTimer = vi.spyOn(globalThis, "clearTimeout");
    try {
      const bodies: string[] = [];
      for (const path of PAGES) {
        const response = await fetch(`${base}${path}`);
        expect(response.status, path).toBe(200);
        const body = await response.text();
        expectNonceOnPreloads(body, response.headers.get("content-security-policy"));
        bodies.push(body);
      }
      // Other 5 s timers, such as a new database connection's, are not it.
      const abortTimers = setTimer.mock.results
        .filter((_, index) => setTimer.mock.calls[index][1] === 5_000 && (setTimer.mock.calls[index][0] as { name?: string }).name === "abort")
        .map((result) => result.value);
      const cleared = new Set(clearTimer.mock.calls.map(([timer]) => timer));
      return { bodies, abortTimers, allCleared: abortTimers.every((timer) => cleared.has(timer)) };
    } finally {
      setTimer.mockRestore();
      clearTimer.mockRestore();
    }
  }

  let renderedAtOnce: string[] = [];
  it("renders an ordinary page whole, at once, with no abort timer", async () => {
    const { bodies, abortTimers } = await fetchPages();
    renderedAtOnce = bodies;
    for (const body of bodies) {
      expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(body).toContain("</html>");
      expect(body).not.toContain("<!--$!");
    }
    expect(abortTimers).toHaveLength(0);
  });

  it("streams a page whose string render did not come out whole, and clears its abort timer once it has rendered in full", async () => {
    renderer.notWhole = true;
    try {
      const { bodies, abortTimers, allCleared } = await fetchPages();
      for (const body of bodies) {
        expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
        expect(body).toContain("</html>");
        expect(body).not.toContain("fallback");
      }
      // The same HTML either way, so the browser hydrates what it was sent.
      expect(bodies.map(withoutNonce)).toEqual(renderedAtOnce.map(withoutNonce));
      expect(abortTimers).toHaveLength(PAGES.length);
      expect(allCleared).toBe(true);
    } finally {
      renderer.notWhole = false;
    }
  });
});
