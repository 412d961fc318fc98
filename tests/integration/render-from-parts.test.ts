import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_STORED_STATUSES } from "~/modules/hubs/lifecycle";
import { serveApp, type ServedApp } from "../support/app-server";
import { insertHub } from "../support/public-hubs";

// The render thread (server/render-worker.ts) makes a page from its parts (app/modules/http/
// document-parts.server.ts), copied to it as a message, with its own copy of the build. Whatever
// the page, the bytes must be those the main thread makes: compared here page by page, the same
// request made both ways (a cookie other than the language's keeps the page cache out of it).
const withoutNonce = (body: string) => body.replace(/nonce="[^"]*"/g, 'nonce=""');
const PAST_THE_CACHE = { Cookie: "visit=1" };

describe("a page made from its parts (the render thread's way)", () => {
  let app: ServedApp;
  /** Demo HUBs with the most on their pages: outcomes, progress, changes, network. */
  let demoHubPages: string[] = [];
  beforeAll(async () => {
    app = await serveApp({ renderFromParts: true, seedDemo: true });
    await insertHub(app.database, "jardins-partages", { title: "Jardins partagés <de> Lyon & co", language: "fr", goal: 11 });
    const busiest = await app.database.db
      .selectFrom("hubs")
      .select((eb) => ["slug", eb.selectFrom("progress_updates").whereRef("progress_updates.hub_id", "=", "hubs.id").select(eb.fn.countAll().as("n")).as("updates")])
      .where("status", "in", PUBLIC_STORED_STATUSES)
      .orderBy("updates", "desc")
      .orderBy("slug")
      .limit(3)
      .execute();
    demoHubPages = busiest.flatMap(({ slug }, index) => [`/${["en", "es", "fr"][index]}/hubs/${slug}`]);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function page(path: string, fromParts: boolean) {
    app.renderer!.enabled = fromParts;
    const response = await fetch(`${app.base}${path}`, { headers: PAST_THE_CACHE });
    return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
  }

  const PAGES = ["/en", "/es?q=agua", "/fr?goal=6", "/fr/hubs/jardins-partages", "/fr/about", "/en/calls", "/es/open-data", "/en/login", "/es/events"];

  it("is the page the main thread makes, byte for byte (the nonce aside), for every kind of public page", async () => {
    expect(demoHubPages).toHaveLength(3);
    for (const path of [...PAGES, ...demoHubPages]) {
      const before = app.renderer!.counts();
      const onMain = await page(path, false);
      const fromParts = await page(path, true);
      expect(onMain.status, path).toBe(200);
      expect(fromParts.status, path).toBe(200);
      expect(fromParts.type, path).toBe("text/html; charset=utf-8");
      expect(fromParts.body.startsWith("<!DOCTYPE html>"), path).toBe(true);
      expect(withoutNonce(fromParts.body), path).toBe(withoutNonce(onMain.body));
      // The first went back to the main thread, the second was made from its parts.
      expect(app.renderer!.counts(), path).toEqual({ ...before, rendered: before.rendered + 1, declined: before.declined + 1 });
    }
  });

  it("keeps each response's own nonce on every script", async () => {
    const response = await fetch(`${app.base}/fr/hubs/jardins-partages`, { headers: PAST_THE_CACHE });
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const body = await response.text();
    const scripts = [...body.matchAll(/<script[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(body).toContain("Jardins partagés &lt;de&gt; Lyon &amp; co");
  });

  it("leaves a page with an error to the main thread: a missing HUB's 404 page", async () => {
    app.renderer!.enabled = true;
    const before = app.renderer!.counts();
    const response = await fetch(`${app.base}/fr/hubs/nulle-part`, { headers: PAST_THE_CACHE });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page introuvable");
    expect(app.renderer!.counts()).toEqual(before);
  });

  it("answers a render the thread never finished with the error page in the visitor's language, not cached, and not made again on the main thread", async () => {
    app.renderer!.enabled = true;
    app.renderer!.stalling = true;
    try {
      // An anonymous visitor's map page: the page cache's path, which must not keep the error.
      const stalled = await fetch(`${app.base}/es`);
      expect(stalled.status).toBe(500);
      const body = await stalled.text();
      expect(body).toContain("Algo salió mal");
      expect(body).toContain('lang="es"');
      expect(app.renderer!.counts().stalled).toBe(1);
    } finally {
      app.renderer!.stalling = false;
    }
    const after = await fetch(`${app.base}/es`);
    expect(after.status).toBe(200);
    expect(await after.text()).not.toContain("Algo salió mal");
  });
});
