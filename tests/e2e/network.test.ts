import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/modules/config/env.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";
import { E2E_SESSION_SECRET } from "../support/server";
import { sessionCookie } from "../support/sessions";

/**
 * The HUB network in a browser (issue 16): the Bogotá city (Spanish) asks a suggested partner to
 * synchronise, the partner's city (French) accepts, both HUB pages show the link with its reason;
 * the new pages are axe-clean in the three languages and report no CSP violation: the exchange space
 * (public, member and secretariat views), events, synchronisation, HUB pages with suggestions, the
 * certificate, the secretariat's pages, the council dashboard's and annual report's impact, and the
 * suggested partners in the proposal form; the reported post is hidden and a suggestion followed by keyboard.
 */

/** Per HUB slug, the Cookie header of a representative of the city that leads it (written before the server starts). */
const cityCookies = new Map<string, string>();
/** Demo rows the pages below open, read before the server starts. */
const demo = { bogotaHubId: 0, publicThreadId: 0, membersThreadId: 0, reportedPostBody: "" };

const app = useApp({
  prepare: async (db) => {
    const env = parseEnv({ SESSION_SECRET: E2E_SESSION_SECRET });
    const hubs = await db.selectFrom("hubs").select(["slug", "lead_organisation_id"]).where("slug", "!=", "bogota-cycle-network").execute();
    const users = new Map<number, number>();
    for (const hub of hubs) {
      let userId = users.get(hub.lead_organisation_id);
      if (!userId) {
        userId = (
          await db
            .insertInto("users")
            .values({ email: `rep-${hub.lead_organisation_id}@city.example.org`, password_hash: "x", display_name: `Représentante ${hub.lead_organisation_id}`, role: "city", organisation_id: hub.lead_organisation_id, preferred_language: "fr" })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
        users.set(hub.lead_organisation_id, userId);
      }
      cityCookies.set(hub.slug, await sessionCookie(db, env, userId));
    }
    demo.bogotaHubId = (await db.selectFrom("hubs").select("id").where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow()).id;
    demo.publicThreadId = (await db.selectFrom("exchange_threads").select("id").where("is_public", "=", true).orderBy("id").executeTakeFirstOrThrow()).id;
    demo.membersThreadId = (await db.selectFrom("exchange_threads").select("id").where("is_public", "=", false).orderBy("id").executeTakeFirstOrThrow()).id;
    // An open report for the secretariat's reports page (the council member reports a post of a members' thread).
    const post = await db.selectFrom("exchange_posts").select(["id", "body"]).where("thread_id", "=", demo.membersThreadId).orderBy("id").executeTakeFirstOrThrow();
    const council = await db.selectFrom("users").select("id").where("email", "=", "council@demo.l4a.test").executeTakeFirstOrThrow();
    await db.insertInto("exchange_reports").values({ post_id: post.id, reporter_id: council.id, reason: "Off topic" }).execute();
    demo.reportedPostBody = post.body;
  },
});

async function signInWith(page: Page, cookie: string) {
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  await page.context().addCookies([{ name, value, url: app.url }]);
}

async function expectAxeClean(page: Page, path: string) {
  await page.goto(`${app.url}${path}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  expect(await accessibilityViolations(page, { wcag22: true }), path).toEqual([]);
}

/** Presses Tab until `target` has the focus (at most `limit` times): the keyboard reaches it, in page order. */
async function tabTo(page: Page, target: Locator, limit = 300) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

const LANGUAGES = ["en", "es", "fr"] as const;
const T = {
  impact: { en: "Impact: acceleration and synchronisation", es: "Impacto: aceleración y sincronización", fr: "Impact : accélération et synchronisation" },
  acceleration: { en: "Acceleration", es: "Aceleración", fr: "Accélération" },
  reportsTitle: { en: "Reported exchange posts", es: "Mensajes denunciados del espacio de intercambio", fr: "Messages signalés de l'espace d'échange" },
  suggestions: { en: "Suggested partners", es: "Socios sugeridos", fr: "Partenaires suggérés" },
};

describe("the HUB network", () => {
  let partnerSlug = "";
  let threadPath = "";

  it("a city in French opens a thread about SDG 11, a city in Spanish replies, the first is notified", async () => {
    const french = await app.newContext({ locale: "fr-FR" });
    const page = await french.context.newPage();
    await signInWith(page, cityCookies.get("lyon-food-social-security")!);
    await page.goto(`${app.url}/fr/exchange`);
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await page.getByLabel("Titre", { exact: true }).fill("Villes durables : qui travaille sur l'ODD 11 ?");
    await page.getByLabel("Sujet", { exact: true }).selectOption({ label: "ODD" });
    await page.getByLabel("Lequel (facultatif)").fill("11");
    await page.getByLabel("Message", { exact: true }).fill("Lyon cherche des partenaires. Voir " + app.url + "/fr/hubs/bogota-cycle-network");
    await page.getByRole("button", { name: "Ouvrir le fil" }).click();
    await page.getByRole("heading", { level: 1, name: "Villes durables : qui travaille sur l'ODD 11 ?" }).waitFor();
    threadPath = new URL(page.url()).pathname.replace(/^\/fr/, "");
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);

    const spanish = await app.newContext({ locale: "es-ES" });
    const reply = await spanish.context.newPage();
    await app.loginAs("city", spanish.context);
    await reply.goto(`${app.url}/es/exchange`);
    await reply.getByRole("link", { name: "Villes durables : qui travaille sur l'ODD 11 ?" }).click();
    await reply.getByLabel("Su respuesta").fill("Bogotá trabaja en ciclorrutas: hablemos.");
    await reply.getByRole("button", { name: "Responder" }).click();
    await reply.getByText("Bogotá trabaja en ciclorrutas: hablemos.").waitFor();
    await spanish.context.close();

    await page.goto(`${app.url}/fr/notifications`);
    await page.getByRole("link", { name: "Une nouvelle réponse dans un fil que vous suivez." }).waitFor();
    // Lyon reports the reply (say it is off topic) for the secretariat.
    await page.goto(`${app.url}/fr${threadPath}`);
    const replyPost = page.getByRole("listitem").filter({ hasText: "Bogotá trabaja en ciclorrutas" });
    await replyPost.getByText("Signaler ce message").click();
    await replyPost.getByLabel("Pourquoi ?").fill("Hors sujet");
    await replyPost.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page.waitForURL(/reported=1/);
    await french.context.close();
  });

  it("the secretariat pins the thread and hides the reported post", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await app.loginAs("secretariat", context);
    await page.goto(`${app.url}/en${threadPath}`);
    await page.getByRole("button", { name: "Pin" }).click();
    await page.getByText(/· pinned/).first().waitFor();
    const reported = page.getByRole("listitem").filter({ hasText: "1 report" });
    await reported.getByRole("button", { name: /^Hide post/ }).click();
    await page.getByText("hidden by the secretariat", { exact: false }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await context.close();
  });

  it("the Bogotá city asks a suggested partner to synchronise, in Spanish", async () => {
    const { context } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await app.loginAs("city", context);
    await page.goto(`${app.url}/es/hubs/bogota-cycle-network`);
    const suggestions = page.getByRole("region", { name: "Socios sugeridos" });
    await suggestions.waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    const firstSuggestion = suggestions.getByRole("listitem").first();
    partnerSlug = (await firstSuggestion.getByRole("link").first().getAttribute("href"))!.split("/").pop()!;
    await expect.poll(() => firstSuggestion.textContent()).toMatch(/comparte|mismo tema|otra región|palabras/);
    await firstSuggestion.getByRole("link", { name: /^Pedir a .* que se sincronice$/ }).click();
    await page.waitForURL(/\/es\/synchronisation\?with=/);
    expect(await page.getByLabel("El otro HUB (su dirección o identificador)").inputValue()).toBe(partnerSlug);
    await page.getByLabel("Actividad conjunta prevista").fill("Taller compartido sobre movilidad activa");
    await page.getByLabel("Mensaje").fill("Bogotá propone intercambiar datos y métodos.");
    await page.getByRole("button", { name: "Enviar la solicitud" }).click();
    await page.getByText("Su solicitud fue enviada.", { exact: false }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await context.close();
  });

  it("the partner's city accepts in French; both HUB pages show the link with its reason", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await signInWith(page, cityCookies.get(partnerSlug)!);
    await page.goto(`${app.url}/fr/notifications`);
    await page.getByRole("link", { name: /demande à se synchroniser avec votre HUB/ }).click();
    await page.waitForURL(/\/fr\/synchronisation/);
    const request = page.getByRole("article").filter({ hasText: "Taller compartido sobre movilidad activa" });
    await request.getByRole("button", { name: "Accepter" }).click();
    await page.getByText("Acceptée : le lien figure désormais", { exact: false }).waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);

    await page.goto(`${app.url}/fr/hubs/${partnerSlug}`);
    const links = page.getByRole("region", { name: "HUBs synchronisés" });
    await links.getByRole("link", { name: /Bogotá|cicl/i }).first().waitFor();
    await links.getByText("Activité commune : Taller compartido sobre movilidad activa").waitFor();
    await page.goto(`${app.url}/es/hubs/bogota-cycle-network`);
    await page.getByRole("region", { name: "HUBs sincronizados" }).getByText("Actividad conjunta: Taller compartido sobre movilidad activa").waitFor();
    await context.close();
  });

  // One test per language: eighteen axe runs in one test came near its 60 s budget on a loaded machine.
  for (const lang of ["en", "es", "fr"]) {
    it(`the new public pages are axe-clean (${lang})`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      await expectAxeClean(page, `/${lang}/exchange`);
      await expectAxeClean(page, `/${lang}/events`);
      await expectAxeClean(page, `/${lang}/events?kind=network&when=past`);
      await expectAxeClean(page, `/${lang}/hubs/barcelona-climate-shelters`);
      await expectAxeClean(page, `/${lang}/hubs/barcelona-climate-shelters/certificate`);
      await expectAxeClean(page, `/${lang}/exchange/${demo.publicThreadId}`);
      const badge = await page.request.get(`${app.url}/api/hubs/barcelona-climate-shelters/badge.svg?lang=${lang}`);
      expect(badge.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
      await context.close();
    });
  }

  for (const lang of ["en", "es", "fr"]) {
    it(`the secretariat's new pages are axe-clean (${lang})`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      await app.loginAs("secretariat", context);
      await expectAxeClean(page, `/${lang}/admin/policy-councils`);
      await expectAxeClean(page, `/${lang}/admin/events`);
      await expectAxeClean(page, `/${lang}/admin/hubs/1/policy-councils`);
      // The facilitation controls: announcements on the list, pin, lock, hide and move on a thread.
      await expectAxeClean(page, `/${lang}/exchange`);
      await expectAxeClean(page, `/${lang}/exchange/${demo.membersThreadId}`);
      await context.close();
    });
  }

  for (const lang of LANGUAGES) {
    it(`a member's pages of the network are axe-clean (${lang}): the exchange with its forms, a thread, the synchronisation requests, a HUB page with suggestions`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      await app.loginAs("city", context);
      await expectAxeClean(page, `/${lang}/exchange`);
      await expectAxeClean(page, `/${lang}/exchange/${demo.membersThreadId}`);
      await expectAxeClean(page, `/${lang}/synchronisation`);
      await page.goto(`${app.url}/${lang}/hubs/barcelona-climate-shelters`);
      await page.getByRole("region", { name: T.suggestions[lang] }).waitFor();
      expect(await accessibilityViolations(page, { wcag22: true }), `${lang} HUB page with suggestions`).toEqual([]);
      await context.close();
    });
  }

  it("the council's dashboard and the annual report show the impact, each chart with its table, axe-clean in the three languages", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("council", context);
    // The server's year: it and this process share the clock.
    const year = isoToday().slice(0, 4);
    for (const lang of LANGUAGES) {
      await page.goto(`${app.url}/${lang}/council`);
      await page.getByRole("columnheader", { name: T.acceleration[lang], exact: true }).waitFor();
      expect(await accessibilityViolations(page, { wcag22: true }), `/${lang}/council`).toEqual([]);

      await page.goto(`${app.url}/${lang}/reports/${year}`);
      const impact = page.getByRole("region", { name: T.impact[lang] });
      await impact.waitFor();
      expect(await impact.getByRole("table").count()).toBeGreaterThanOrEqual(2);
      expect(await accessibilityViolations(page, { wcag22: true }), `/${lang}/reports/${year}`).toEqual([]);
    }
    await context.close();
  });

  it("the secretariat reads the open reports in the three languages and hides the reported post by keyboard", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("secretariat", context);
    for (const lang of LANGUAGES) {
      await page.goto(`${app.url}/${lang}/admin/exchange-reports`);
      await page.getByRole("heading", { level: 1, name: T.reportsTitle[lang] }).waitFor();
      await page.getByRole("listitem").filter({ hasText: demo.reportedPostBody.slice(0, 60) }).first().waitFor();
      expect(await accessibilityViolations(page, { wcag22: true }), `/${lang}/admin/exchange-reports`).toEqual([]);
    }
    const hide = page.getByRole("button", { name: /^Masquer/ }).first();
    await tabTo(page, hide);
    await page.keyboard.press("Enter");
    await page.waitForURL(/hidden=1/);
    await page.getByRole("status").filter({ hasText: "Le message est masqué et ses signalements sont clos." }).waitFor();
    await page.getByText("Aucun signalement ouvert.").waitFor();
    expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
    await context.close();
  });

  it("the proposal form suggests partners with their reasons in the three languages; the keyboard reaches them", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("city", context);
    for (const lang of LANGUAGES) {
      await page.goto(`${app.url}/${lang}/my/hubs/${demo.bogotaHubId}`);
      const suggestions = page.getByRole("region", { name: T.suggestions[lang] });
      await suggestions.getByRole("listitem").first().waitFor();
      expect(await accessibilityViolations(page, { wcag22: true }), `/${lang}/my/hubs/${demo.bogotaHubId}`).toEqual([]);
    }
    // In French, by keyboard: Tab to the first suggested HUB and follow it with Enter.
    const first = page.getByRole("region", { name: T.suggestions.fr }).getByRole("listitem").first().getByRole("link").first();
    const href = (await first.getAttribute("href"))!;
    await tabTo(page, first, 1000);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}${href}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await context.close();
  });
});
