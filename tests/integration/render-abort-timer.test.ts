import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serveApp, type ServedApp } from "../support/app-server";

// entry.server.tsx aborts a render that is still waiting after ABORT_DELAY. A render that finished
// must not leave that timer running: it would hold the page's tree and data in memory for 5 s, and
// abort an ended stream (an error object made per page).
describe("the render's abort timer (entry.server.tsx)", () => {
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

  it("is cleared once a page has rendered in full", async () => {
    // Warm up first (route modules, caches), so the spied request is an ordinary one.
    expect((await fetch(`${base}/en/about`)).status).toBe(200);
    const setTimer = vi.spyOn(globalThis, "setTimeout");
    const clearTimer = vi.spyOn(globalThis, "clearTimeout");
    try {
      for (const path of ["/en/about", "/fr/calls", "/es/open-data"]) {
        const response = await fetch(`${base}${path}`);
        expect(response.status, path).toBe(200);
        expect(await response.text(), path).toContain("</html>");
      }
      // React's abort, set for ABORT_DELAY (other 5 s timers, such as a new database connection's, are not it).
      const abortTimers = setTimer.mock.results
        .filter((_, index) => setTimer.mock.calls[index][1] === 5_000 && (setTimer.mock.calls[index][0] as { name?: string }).name === "abort")
        .map((result) => result.value);
      expect(abortTimers).toHaveLength(3);
      const cleared = new Set(clearTimer.mock.calls.map(([timer]) => timer));
      for (const timer of abortTimers) expect(cleared.has(timer)).toBe(true);
    } finally {
      setTimer.mockRestore();
      clearTimer.mockRestore();
    }
  });
});
