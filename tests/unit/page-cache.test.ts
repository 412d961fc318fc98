import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCacheStore, publicPageCache, replaceNonce } from "../../server/page-cache";

/** `app` on a free local port. */
async function listen(app: express.Express): Promise<{ base: string; close: () => void }> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const page = (html: string) => ({ headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][], body: Buffer.from(html) });

describe("the page cache's store", () => {
  it("forgets a page when the UTC day it was rendered on ends, even within its TTL", () => {
    let now = Date.parse("2026-11-22T23:59:00Z");
    const store = new PageCacheStore({ ttlMs: 10 * 60_000, now: () => now });
    store.set("/en/hubs/a", 7, now, page("<html>today is the 22nd</html>"));
    now = Date.parse("2026-11-22T23:59:59.999Z");
    expect(store.get("/en/hubs/a", 7)?.body.toString()).toContain("22nd");
    now = Date.parse("2026-11-23T00:00:00Z");
    expect(store.get("/en/hubs/a", 7)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it("counts the day from when rendering started: a page begun before midnight is not kept after it", () => {
    let now = Date.parse("2026-11-22T23:59:59.900Z");
    const store = new PageCacheStore({ now: () => now });
    const renderedAt = now;
    now = Date.parse("2026-11-23T00:00:00.200Z");
    expect(store.set("/en/hubs/a", 1, renderedAt, page("<html></html>"))).toBe(false);
    expect(store.get("/en/hubs/a", 1)).toBeUndefined();
  });

  it("keeps the TTL and the data version checks", () => {
    let now = Date.parse("2026-11-22T10:00:00Z");
    const store = new PageCacheStore({ ttlMs: 30_000, now: () => now });
    store.set("/en", 3, now, page("<html>v3</html>"));
    expect(store.get("/en", 4)).toBeUndefined();
    store.set("/en", 4, now, page("<html>v4</html>"));
    now += 29_999;
    expect(store.get("/en", 4)).toBeDefined();
    now += 1;
    expect(store.get("/en", 4)).toBeUndefined();
  });

  it("evicts the least recently used page when the entry cap is reached", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    const store = new PageCacheStore({ maxEntries: 3, now: () => now });
    for (const key of ["a", "b", "c"]) store.set(key, 1, now, page(`<html>${key}</html>`));
    // Reading "a" makes "b" the least recently used.
    expect(store.get("a", 1)).toBeDefined();
    store.set("d", 1, now, page("<html>d</html>"));
    expect(store.size).toBe(3);
    expect(store.get("b", 1)).toBeUndefined();
    expect(["a", "c", "d"].map((key) => store.get(key, 1) !== undefined)).toEqual([true, true, true]);
  });

  it("evicts least recently used pages until a new page fits under the byte cap, and never stores one larger than the cap", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    const kilobyte = (label: string) => page(`<html>${label.padEnd(1000, ".")}</html>`);
    const store = new PageCacheStore({ maxBytes: 3_500, now: () => now });
    for (const key of ["a", "b", "c"]) store.set(key, 1, now, kilobyte(key));
    expect(store.size).toBe(3);
    const three = store.bytes;
    expect(three).toBeGreaterThan(3_000);
    expect(three).toBeLessThanOrEqual(3_500);
    store.get("a", 1);
    store.set("d", 1, now, kilobyte("d"));
    expect(store.bytes).toBeLessThanOrEqual(3_500);
    expect(store.get("b", 1)).toBeUndefined();
    expect(store.get("a", 1)).toBeDefined();
    expect(store.get("d", 1)).toBeDefined();
    // Replacing a page does not count it twice.
    store.set("d", 1, now, kilobyte("d"));
    expect(store.bytes).toBe(three);
    expect(store.set("huge", 1, now, page("x".repeat(4_000)))).toBe(false);
    expect(store.get("huge", 1)).toBeUndefined();
    expect(store.size).toBe(3);
  });
});

describe("the page cache middleware", () => {
  let base: string;
  let close: () => void;
  let version = 1;
  let ownVersion = 1;
  let renders = 0;

  beforeAll(async () => {
    const app = express();
    // As the security headers do (http/security-headers.server.ts): a fresh nonce and its CSP per request.
    let nonces = 0;
    app.use((_request, response, next) => {
      response.locals.cspNonce = `nonce${++nonces}x`;
      response.setHeader("Content-Security-Policy", `script-src 'nonce-${response.locals.cspNonce}'`);
      next();
    });
    // Every page follows `version`; the HUB "own" also its own version (as a HUB page does: migration 120).
    app.use(publicPageCache({ getVersion: async ({ slug }) => (slug === "own" ? `${version}:${ownVersion}` : version) }));
    app.get("/:lang/hubs/:slug", (request, response) => {
      renders++;
      const slug = request.params.slug;
      if (slug === "session") response.setHeader("Set-Cookie", "l4a_session=abc; Path=/");
      if (slug === "cut") {
        response.type("html").write("<!DOCTYPE html><html><body>half a page");
        setTimeout(() => response.destroy(), 10);
        return;
      }
      if (slug === "unfinished") return response.type("html").end("<!DOCTYPE html><html><body>no end");
      if (slug === "missing") return response.status(404).type("html").send("<html>not found</html>");
      const nonce = response.locals.cspNonce;
      if (slug === "delta") return response.type("html").send(`<!DOCTYPE html><html><body><script nonce="${nonce}">1</script>${slug} v${version}<script nonce="${nonce}">2</script></body></html>`);
      response.type("html").send(`<!DOCTYPE html><html><body>${slug} v${version} render ${renders}</body></html>`);
    });
    ({ base, close } = await listen(app));
  });
  afterAll(() => close?.());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { cache: response.headers.get("x-page-cache"), body: await response.text() };
  };

  it("serves a HUB page's second anonymous view from the cache, and renders again once the data version moves", async () => {
    const first = await get("/en/hubs/alpha");
    expect(first.cache).toBe("miss");
    const second = await get("/en/hubs/alpha");
    expect(second).toEqual({ cache: "hit", body: first.body });
    // The language cookie alone is still anonymous, but its own entry.
    expect((await get("/en/hubs/alpha", { Cookie: "lng=fr" })).cache).toBe("miss");
    expect((await get("/en/hubs/alpha", { Cookie: "lng=fr" })).cache).toBe("hit");
    version++;
    const third = await get("/en/hubs/alpha");
    expect(third.cache).toBe("miss");
    expect(third.body).toContain(`v${version}`);
  });

  it("keys a HUB page on that page's own version: another HUB's change leaves it cached", async () => {
    await get("/en/hubs/own");
    await get("/en/hubs/neighbour");
    expect((await get("/en/hubs/own")).cache).toBe("hit");
    ownVersion++;
    expect((await get("/en/hubs/own")).cache).toBe("miss");
    expect((await get("/en/hubs/neighbour")).cache).toBe("hit");
    expect((await get("/en/hubs/own")).cache).toBe("hit");
  });

  it("leaves signed-in visitors, data requests and other pages alone", async () => {
    await get("/en/hubs/beta");
    expect((await get("/en/hubs/beta", { Cookie: "lng=en; l4a_session=abc" })).cache).toBeNull();
    expect((await get("/en/hubs/beta?_data=routes%2F%24lang.hubs.%24slug")).cache).toBeNull();
    expect((await get("/en/hubs/beta/edit")).cache).toBeNull();
  });

  it("keeps no response that set another cookie, failed, or was cut short", async () => {
    for (const slug of ["session", "missing", "unfinished"]) {
      await get(`/en/hubs/${slug}`);
      expect((await get(`/en/hubs/${slug}`)).cache).toBe("miss");
    }
    await expect(get("/en/hubs/cut")).rejects.toThrow();
    await expect(get("/en/hubs/cut")).rejects.toThrow();
    const rendersBefore = renders;
    await get("/en/hubs/cut").catch(() => {});
    expect(renders).toBe(rendersBefore + 1);
  });

  it("replays a page with the nonce of the request it answers, never the one it was rendered with", async () => {
    const first = await fetch(`${base}/en/hubs/delta`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/en/hubs/delta`);
    const secondBody = await second.text();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    const nonceOf = (body: string) => /nonce="([^"]+)"/.exec(body)![1]!;
    const [rendered, replayed] = [nonceOf(firstBody), nonceOf(secondBody)];
    expect(replayed).not.toBe(rendered);
    expect(secondBody).not.toContain(rendered);
    expect(secondBody.split(replayed)).toHaveLength(3);
    expect(second.headers.get("content-security-policy")).toBe(`script-src 'nonce-${replayed}'`);
    expect(secondBody.replaceAll(replayed, "N")).toBe(firstBody.replaceAll(rendered, "N"));
  });

  it("keys pages on the URL and language only: the Host does not change a page's links", async () => {
    await get("/en/hubs/gamma");
    expect((await get("/en/hubs/gamma")).cache).toBe("hit");
    expect((await get("/en/hubs/gamma", { "X-Forwarded-Host": "evil.example" })).cache).toBe("hit");
  });
});

describe("the page cache, for pages that read their own version with their data", () => {
  let base: string;
  let close: () => void;
  // What the database says now, what the page's statement saw when it rendered, and the reads before rendering.
  let current = 1;
  let seenByRender = 1;
  let versionReads = 0;
  let renders = 0;

  beforeAll(async () => {
    const app = express();
    app.use(
      publicPageCache({
        getVersion: async () => {
          versionReads++;
          return `0:${current}`;
        },
        rendersOwnVersion: ({ slug }) => slug !== undefined,
      }),
    );
    app.get("/:lang/hubs/:slug", (request, response) => {
      renders++;
      // As hub-page.server.ts does through the load context's onPageVersion; "silent" reports nothing.
      if (request.params.slug !== "silent") response.locals.pageVersion = `0:${seenByRender}`;
      response.type("html").send(`<!DOCTYPE html><html><body>${request.params.slug} saw ${seenByRender}, render ${renders}</body></html>`);
    });
    app.get("/:lang", (_request, response) => {
      renders++;
      response.type("html").send(`<!DOCTYPE html><html><body>map ${current}</body></html>`);
    });
    ({ base, close } = await listen(app));
  });
  afterAll(() => close?.());

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { cache: response.headers.get("x-page-cache"), body: await response.text() };
  };

  it("renders a first view without reading the version, keeps it under the version it reports, and checks that version on the next view", async () => {
    const readsBefore = versionReads;
    const first = await get("/en/hubs/first");
    expect(first.cache).toBe("miss");
    expect(versionReads).toBe(readsBefore);
    expect(await get("/en/hubs/first")).toEqual({ cache: "hit", body: first.body });
    expect(versionReads).toBe(readsBefore + 1);
    current = seenByRender = 2;
    const changed = await get("/en/hubs/first");
    expect(changed.cache).toBe("miss");
    expect(changed.body).toContain("saw 2");
    expect((await get("/en/hubs/first")).cache).toBe("hit");
  });

  it("never keeps a page under a version newer than the data it shows: a write during the render leaves the next view a miss", async () => {
    // The page's statement saw version 3; a write moved the database to 4 before the page was sent.
    seenByRender = 3;
    current = 4;
    expect((await get("/en/hubs/racing")).body).toContain("saw 3");
    seenByRender = 4;
    const next = await get("/en/hubs/racing");
    expect(next.cache).toBe("miss");
    expect(next.body).toContain("saw 4");
    expect((await get("/en/hubs/racing")).cache).toBe("hit");
  });

  it("keeps nothing from a page that reports no version, and still reads the version first for the other pages", async () => {
    const readsBefore = versionReads;
    await get("/en/hubs/silent");
    expect((await get("/en/hubs/silent")).cache).toBe("miss");
    expect(versionReads).toBe(readsBefore);
    await get("/fr");
    expect((await get("/fr")).cache).toBe("hit");
    expect(versionReads).toBe(readsBefore + 2);
  });
});

describe("replaceNonce", () => {
  it("replaces every occurrence and leaves the rest byte for byte", () => {
    const body = Buffer.from('<script nonce="abc">1</script>é<script nonce="abc">2</script>');
    expect(replaceNonce(body, "abc", "xyz12").toString()).toBe('<script nonce="xyz12">1</script>é<script nonce="xyz12">2</script>');
    expect(replaceNonce(body, undefined, "xyz")).toBe(body);
  });
});
