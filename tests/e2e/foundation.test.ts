import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";

const app = useApp();

describe("a visitor on a fresh install", () => {
  it("is sent from / to their browser's language", async () => {
    const { context, foreignRequests } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    expect(new URL(page.url()).pathname).toBe("/es");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  for (const [language, heading, listHeading] of [
    ["en", "Local4Action HUBs", "40 recognised HUBs"],
    ["es", "HUBs Local4Action", "40 HUBs reconocidos"],
    ["fr", "HUBs Local4Action", "40 HUBs reconnus"],
  ] as const) {
    it(`reads the home page in ${language}, with the demo HUBs and their SDG chips, and no accessibility violation`, async () => {
      const { context, foreignRequests } = await app.newContext();
      const page = await context.newPage();
      const response = await page.goto(`${app.url}/${language}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await page.getByRole("heading", { level: 2, name: listHeading }).waitFor();
      const hubLinks = page.getByRole("list").first().getByRole("link");
      // The list shows 20 HUBs a page (the heading counts them all).
      expect(await page.locator(".hub-card").count()).toBe(20);
      expect(await hubLinks.count()).toBeGreaterThan(0);
      const sdgCode = { en: "SDG 11", es: "ODS 11", fr: "ODD 11" }[language];
      expect(await page.getByText(sdgCode, { exact: true }).count()).toBeGreaterThan(0);
      for (const alternate of ["en", "es", "fr"]) {
        expect(await page.locator(`link[rel="alternate"][hreflang="${alternate}"]`).getAttribute("href")).toMatch(new RegExp(`/${alternate}$`));
      }
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await context.close();
    });
  }

  it("switches language on the same page, keeping the query, and is remembered at /", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.url}/en?view=list`);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.waitForURL(`${app.url}/fr?view=list`);
    await page.getByRole("heading", { level: 1, name: "HUBs Local4Action" }).waitFor();
    await page.getByRole("navigation", { name: "Langue" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // The cookie now outranks the browser's English.
    await page.goto(`${app.url}/`);
    expect(new URL(page.url()).pathname).toBe("/fr");
    await context.close();
  });

  it("works without JavaScript", async () => {
    const { context } = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/es`);
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${app.url}/en`);
    expect(await page.locator(".hub-card").count()).toBe(20);
    await context.close();
  });

  for (const [language, title] of [
    ["en", "Page not found"],
    ["es", "Página no encontrada"],
    ["fr", "Page introuvable"],
  ] as const) {
    it(`gets a localised 404 page in ${language}`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      const response = await page.goto(`${app.url}/${language}/no-such-page`);
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it("answers /healthz with the database in use", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: app.engine });
  });
});
