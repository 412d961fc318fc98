import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/database";
import { useApp } from "../support/e2e";

async function get(app: { url: string }, path: string, cookie?: string) {
  const response = await fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-page-cache"), vary: response.headers.get("vary"), setCookie: response.headers.get("set-cookie"), body: await response.text() };
}

/** A route's loader data, as the browser fetches it on client navigation. */
async function getData<T>(app: { url: string }, path: string, routeId: string, cookie: string): Promise<T> {
  const response = await fetch(`${app.url}${path}?${new URLSearchParams({ _data: routeId })}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const app = useApp({ browser: false });

/** A request whose body is kept as sent (fetch would decode it). */
function getRaw(path: string, headers: Record<string, string>, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(`${app.url}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject)
      .end();
  });
}

/** The page with its CSP nonce taken out: a replay is the same page with the request's own nonce. */
function withoutNonce(body: string) {
  const nonce = /nonce="([^"]+)"/.exec(body)![1]!;
  return { nonce, page: body.replaceAll(nonce, "NONCE") };
}

describe("the page cache of public pages", () => {
  it("serves an anonymous visitor's repeated map page from the cache, same HTML but its own nonce", async () => {
    const first = await get(app, "/en?sdg=11");
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    expect(first.vary).toMatch(/Cookie/i);
    const second = await get(app, "/en?sdg=11");
    expect(second.cache).toBe("hit");
    expect(withoutNonce(second.body).page).toBe(withoutNonce(first.body).page);
    expect(withoutNonce(second.body).nonce).not.toBe(withoutNonce(first.body).nonce);
    // Another query is another page.
    expect((await get(app, "/en?sdg=6")).cache).toBe("miss");
    // The language comes from the URL: the Spanish page is its own entry, in Spanish.
    const spanish = await get(app, "/es?sdg=11");
    expect(spanish.cache).toBe("miss");
    expect(spanish.body).toContain('lang="es"');
  });

  it("keeps setting the language cookie for a visitor who has none, even from the cache", async () => {
    await get(app, "/fr");
    const again = await get(app, "/fr");
    expect(again.cache).toBe("hit");
    expect(again.setCookie).toMatch(/^lng=/);
    // A visitor whose cookie already says French gets no cookie (its own entry).
    const cookie = again.setCookie!.split(";")[0];
    await get(app, "/fr", cookie);
    const withCookie = await get(app, "/fr", cookie);
    expect(withCookie.cache).toBe("hit");
    expect(withCookie.setCookie).toBeNull();
  });

  it("serves an anonymous visitor's second view of a HUB page from the cache, but never a signed-in user's", async () => {
    const slug = (await get(app, "/en")).body.match(/href="\/en\/hubs\/([^"?]+)"/)![1];
    const first = await get(app, `/en/hubs/${slug}`);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    const second = await get(app, `/en/hubs/${slug}`);
    expect(second.cache).toBe("hit");
    expect(withoutNonce(second.body).page).toBe(withoutNonce(first.body).page);
    // A HUB that does not exist is a 404, never kept.
    expect((await get(app, "/en/hubs/no-such-hub")).status).toBe(404);
    expect((await get(app, "/en/hubs/no-such-hub")).cache).toBe("miss");

    const session = await app.loginAs("city");
    const signedIn = await get(app, `/en/hubs/${slug}`, session);
    expect(signedIn.status).toBe(200);
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body).toContain("Demo city representative");
    const anonymous = await get(app, `/en/hubs/${slug}`);
    expect(anonymous.cache).toBe("hit");
    expect(anonymous.body).not.toContain("Demo city representative");
  });

  it("shows a progress update on the HUB page as soon as the council accepts it", async () => {
    const slug = "mexico-city-community-care-system";
    const before = await get(app, `/en/hubs/${slug}`);
    expect(before.status).toBe(200);
    expect((await get(app, `/en/hubs/${slug}`)).cache).toBe("hit");

    // The demo's report waiting for review is this HUB's.
    const title = ((await (await fetch(`${app.url}/api/hubs/${slug}.json?lang=en`)).json()) as { title: string }).title;
    const council = await app.loginAs("council");
    const dashboard = await getData<{ queue: { updates: { id: number; title: string }[] } }>(app, "/en/council", "routes/$lang.council._index", council);
    const pending = dashboard.queue.updates.find((update) => update.title === title)!;
    expect(pending).toBeDefined();
    expect(before.body).not.toContain(`id="update-${pending.id}"`);
    const { update } = await getData<{ update: { version: number } }>(app, `/en/progress/updates/${pending.id}`, "routes/$lang.progress.updates.$updateId", council);
    const accepted = await fetch(`${app.url}/en/progress/updates/${pending.id}`, {
      method: "POST",
      headers: { Cookie: council },
      body: new URLSearchParams({ intent: "accept", version: String(update.version) }),
      redirect: "manual",
    });
    expect(accepted.status).toBe(302);

    const after = await get(app, `/en/hubs/${slug}`);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain(`id="update-${pending.id}"`);
    expect((await get(app, `/en/hubs/${slug}`)).cache).toBe("hit");
  });

  it("sends a page compressed as the browser accepts it (brotli first, then gzip), whole and rendered or replayed, and plain to one that asks for none", async () => {
    const slug = (await get(app, "/es")).body.match(/href="\/es\/hubs\/([^"?]+)"/)![1];
    const path = `/es/hubs/${slug}?compressed=1`;
    const browser = await getRaw(path, { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(browser.status).toBe(200);
    expect(browser.headers["x-page-cache"]).toBe("miss");
    expect(browser.headers["content-encoding"]).toBe("br");
    expect(browser.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(browser.headers["content-length"])).toBe(browser.body.length);
    const page = brotliDecompressSync(browser.body).toString();
    expect(page).toMatch(/<\/html>$/);

    // The cache kept the page as rendered: each replay is compressed for its own request.
    const gzip = await getRaw(path, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["x-page-cache"]).toBe("hit");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(withoutNonce(gunzipSync(gzip.body).toString()).page).toBe(withoutNonce(page).page);
    const plain = await getRaw(path, {});
    expect(plain.headers["x-page-cache"]).toBe("hit");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(withoutNonce(plain.body.toString()).page).toBe(withoutNonce(page).page);
    const identity = await getRaw(path, { "Accept-Encoding": "identity, gzip;q=0" });
    expect(identity.headers["content-encoding"]).toBeUndefined();

    // A page rendered for a signed-in user (never cached) is compressed the same way.
    const session = await app.loginAs("city");
    const signedIn = await getRaw(path, { "Accept-Encoding": "gzip", Cookie: session });
    expect(signedIn.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(signedIn.body).toString()).toContain("Demo city representative");

    // HEAD: the headers without a body.
    const head = await getRaw(`/es/hubs/${slug}?head=1`, { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("never serves a signed-in user a cached page: their header shows their name", async () => {
    // Warm the anonymous entry first.
    await get(app, "/en");
    expect((await get(app, "/en")).cache).toBe("hit");
    const session = await app.loginAs("city");
    const page = await get(app, "/en", session);
    expect(page.status).toBe(200);
    expect(page.cache).toBeNull();
    expect(page.body).toContain("Demo city representative");
    // …and the anonymous entry did not pick the name up.
    const anonymous = await get(app, "/en");
    expect(anonymous.cache).toBe("hit");
    expect(anonymous.body).not.toContain("Demo city representative");
  });
});

describe.runIf(testDatabaseUrl)("the page cache on PostgreSQL: a change to public data shows at once", () => {
  // The same server, on its throw-away PostgreSQL database, changed behind its back.
  let db: ReturnType<typeof postgres>;
  beforeAll(() => {
    db = postgres(app.databaseUrl!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await db?.end();
  });

  it("an edited translation and a withdrawn HUB are visible on the next request", async () => {
    // The newest public HUB heads the list of /en.
    const [hub] = await db<{ id: number; title: string }[]>`
      select h.id, t.title from hubs h
      join hub_translations t on t.hub_id = h.id and t.language = h.original_language
      where h.status in ('recognised', 'completed') order by h.recognised_at desc, h.id desc limit 1`;
    const before = await get(app, "/en");
    expect(before.status).toBe(200);
    expect((await get(app, "/en")).cache).toBe("hit");

    const title = `Edited title ${Date.now()}`;
    await db`update hub_translations set title = ${title} where hub_id = ${hub.id}`;
    const edited = await get(app, "/en");
    expect(edited.cache).toBe("miss");
    expect(edited.body).toContain(title);
    expect((await get(app, "/en")).cache).toBe("hit");

    await db`update hubs set status = 'withdrawn' where id = ${hub.id}`;
    const after = await get(app, "/en");
    expect(after.cache).toBe("miss");
    expect(after.body).not.toContain(title);
  });

  it("a partner added to a HUB is on its cached page at the next request", async () => {
    const [hub] = await db<{ id: number; slug: string }[]>`
      select id, slug from hubs where status in ('recognised', 'completed') order by id limit 1`;
    const path = `/fr/hubs/${hub.slug}`;
    await get(app, path);
    expect((await get(app, path)).cache).toBe("hit");
    const partner = `Partner association ${Date.now()}`;
    await db`insert into hub_partners (hub_id, position, name) values (${hub.id}, 99, ${partner})`;
    const after = await get(app, path);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain(partner);
  });
});
