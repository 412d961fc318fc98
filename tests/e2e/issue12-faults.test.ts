import { describe, expect, it } from "vitest";
import { useApp } from "../support/e2e";
import { insertHub } from "../support/public-hubs";
import type { TestDatabase } from "../support/database";

// Issue 12's faults that live in the browser: each test fails without its fix.
let progressSlug = "";
let submittedHubId = 0;

const app = useApp({
  prepare: async (db) => {
    // Written only in Spanish, under SDG 4, and its texts never say "education" in any language.
    await insertHub({ db } as TestDatabase, "patios-escolares-verdes", { language: "es", title: "Patios escolares verdes", summary: "Árboles y sombra en los patios.", goal: 4 });
    const city = await db.selectFrom("users").select(["id", "organisation_id"]).where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    const anyHub = await db.selectFrom("hubs").select("id").where("lead_organisation_id", "=", city.organisation_id!).orderBy("id").executeTakeFirstOrThrow();
    await db
      .insertInto("notifications")
      .values([1, 2, 3].map((n) => ({ user_id: city.id, kind: "report_due_soon" as const, hub_id: anyHub.id, dedupe_key: `e2e-issue12-${n}`, read_at: null })))
      .execute();
    progressSlug = (
      await db
        .selectFrom("progress_updates as u")
        .innerJoin("hubs as h", "h.id", "u.hub_id")
        .select("h.slug")
        .where("u.status", "=", "accepted")
        .where("h.status", "in", ["recognised", "completed"])
        .orderBy("h.id")
        .executeTakeFirstOrThrow()
    ).slug;
    submittedHubId = (
      await db
        .selectFrom("audit_log as a")
        .innerJoin("hubs as h", "h.id", "a.hub_id")
        .select("h.id")
        .where("a.action", "=", "submit")
        .where("h.lead_organisation_id", "=", city.organisation_id!)
        .orderBy("h.id")
        .executeTakeFirstOrThrow()
    ).id;
  },
});

describe("the proposal form's city look-up (faults 2 and 3) and its theme list (fault 1)", () => {
  it("searches with the title and dates still empty, and Enter in the look-up searches instead of saving a draft", async () => {
    const { context } = await app.newContext({ locale: "es-ES" });
    await app.loginAs("city", context);
    const page = await context.newPage();
    await page.goto(`${app.url}/es/my/hubs/new`);
    await page.getByRole("heading", { level: 1, name: "Nueva propuesta de HUB" }).waitFor();
    // Fault 1: every theme has its Spanish name.
    const themeNames = await page.getByLabel("Tema", { exact: true }).locator("option").allTextContents();
    expect(themeNames.length).toBeGreaterThan(2);
    expect(themeNames.filter((name) => name.trim() === "")).toEqual([]);

    await page.getByLabel("Título", { exact: true }).fill("");
    await page.getByLabel("Buscar una ciudad").fill("Bilbao");
    await page.getByRole("button", { name: "Buscar", exact: true }).click();
    const results = page.getByRole("list", { name: "Ciudades encontradas" });
    await results.getByRole("button", { name: /Bilbao/ }).first().waitFor();
    expect(await page.getByText("Este campo es obligatorio.").count()).toBe(0);

    await page.getByLabel("Buscar una ciudad").fill("Valparaíso");
    await page.getByLabel("Buscar una ciudad").press("Enter");
    await results.getByRole("button", { name: /Valpara/ }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe("/es/my/hubs/new");
    expect(await page.getByText("Este campo es obligatorio.").count()).toBe(0);
    // Picking a result fills in the coordinates.
    await results.getByRole("button", { name: /Valpara/ }).first().click();
    expect(Number((await page.getByLabel("Latitud", { exact: true }).inputValue()).replace(",", "."))).toBeLessThan(-30);
    await context.close();
  });
});

describe("the sign-up form (faults 8b, 8c)", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows only the chosen section ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { context } = await app.newContext({ locale: "en-GB", javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${app.url}/en/signup`);
      const create = page.getByRole("group", { name: "New organisation" });
      const join = page.getByRole("group", { name: "Organisation already registered" });
      expect(await create.isVisible()).toBe(true);
      expect(await join.isVisible()).toBe(false);
      await page.getByLabel("Ask to join an organisation already registered").check();
      expect(await create.isVisible()).toBe(false);
      expect(await join.isVisible()).toBe(true);
      await page.getByLabel("Register a new organisation").check();
      expect(await create.isVisible()).toBe(true);
      if (javaScriptEnabled) {
        // The region follows the country.
        await page.getByLabel("Country").selectOption({ label: "Spain" });
        await expect.poll(() => page.getByLabel("UCLG world region").inputValue()).toBe("europe");
        await page.getByLabel("Country").selectOption({ label: "Kenya" });
        await expect.poll(() => page.getByLabel("UCLG world region").inputValue()).toBe("africa");
      }
      await context.close();
    });
  }
});

describe("search across languages (item 9, fault 8j)", () => {
  it("an English 'education' lists a HUB written only in Spanish and says it matched SDG 4", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.url}/en?q=education`);
    const card = page.locator(".hub-card", { hasText: "Patios escolares verdes" });
    await card.waitFor();
    expect(await card.innerText()).toContain("Matched SDG 4: Quality education");
    await page.goto(`${app.url}/fr?q=%C3%A9ducation`);
    await page.locator(".hub-card", { hasText: "Patios escolares verdes" }).getByText("Correspond à l’ODD 4\u202F: Éducation de qualité").waitFor();
    await context.close();
  });
});

describe("pages of the city, the public and the council", () => {
  it("the header counts unread notifications for a signed-in user (fault 8i)", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    await app.loginAs("city", context);
    const page = await context.newPage();
    await page.goto(`${app.url}/en`);
    await page.getByRole("link", { name: /^Notifications \(\d+ unread\)$/ }).waitFor();
    await context.close();
  });

  it("the history never says 'Submitted → Submitted' (fault 8f)", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    await app.loginAs("city", context);
    const page = await context.newPage();
    await page.goto(`${app.url}/en/my/hubs/${submittedHubId}`);
    const history = page.locator("ol.history");
    await history.waitFor();
    const lines = await history.locator("li > p").allTextContents();
    expect(lines.some((line) => line.includes("Submitted"))).toBe(true);
    expect(lines.filter((line) => /(\w[\w ,]*) → \1/.test(line) || line.includes("Submitted → Submitted"))).toEqual([]);
    await context.close();
  });

  it("the open-data page's field table has its own heading (fault 6), in French with French typography (fault 8e)", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${app.url}/en/open-data`);
    await page.getByRole("heading", { level: 2, name: "Fields" }).waitFor();
    expect(await page.getByRole("heading", { name: "Title." }).count()).toBe(0);
    await page.goto(`${app.url}/fr/open-data`);
    await page.getByRole("heading", { level: 2, name: "Champs" }).waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("\u202F:");
    expect(text).not.toMatch(/\w :/);
    await context.close();
  });

  it("the charts keep every label inside their drawing (fault 8h)", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    await app.loginAs("council", context);
    const page = await context.newPage();
    for (const path of [`/fr/hubs/${progressSlug}`, "/fr/council"]) {
      await page.goto(`${app.url}${path}`);
      await page.locator("svg.chart__svg").first().waitFor();
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>("svg.chart__svg")].flatMap((svg) => {
          const view = svg.viewBox.baseVal;
          return [...svg.querySelectorAll<SVGTextElement>("text")]
            .map((text) => ({ text: text.textContent, box: text.getBBox() }))
            .filter(({ box }) => box.x < view.x - 0.5 || box.y < view.y - 0.5 || box.x + box.width > view.x + view.width + 0.5 || box.y + box.height > view.y + view.height + 0.5)
            .map(({ text }) => text);
        }),
      );
      expect(outside, path).toEqual([]);
    }
    await context.close();
  });
});
