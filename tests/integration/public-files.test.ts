import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveApp, type ServedApp } from "../support/app-server";

describe("the files at the top of public/ (server/app.ts)", () => {
  let app: ServedApp;
  let base = "";
  beforeAll(async () => {
    app = await serveApp();
    base = app.base;
  });
  afterAll(async () => {
    await app?.close();
  });

  it("serves the favicon and robots.txt from disk, kept an hour", async () => {
    const favicon = await fetch(`${base}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toContain("image/svg+xml");
    expect(favicon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await favicon.text()).toContain("<svg");
    const robots = await fetch(`${base}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toMatch(/User-agent/i);
  });

  it("leaves every other path to the app: pages, and the localised 404 for a file that is not there", async () => {
    const page = await fetch(`${base}/en/about`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const missing = await fetch(`${base}/en/favicon.svg`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    expect((await fetch(`${base}/favicon.png`)).status).toBe(404);
  });
});
