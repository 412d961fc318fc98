import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/modules/config/env.server";
import { utcMinuteValue } from "~/modules/calls/call-schema";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";
import { E2E_SESSION_SECRET } from "../support/server";
import { sessionCookie } from "../support/sessions";

/**
 * The whole story of a call for proposals, in a real browser on the production server: the secretariat
 * opens a call in French; a city finds it from the home page in Spanish, answers it and submits; two
 * council members score it in English; the secretariat reads the ranked table, recognises the HUB and
 * publishes the results; the HUB appears on the call's page and on the map. The public calls pages
 * pass axe in three languages and work without JavaScript.
 */
let secondCouncilCookie = "";
const app = useApp({
  prepare: async (db) => {
    const user = await db
      .insertInto("users")
      .values({ email: "second.council@example.org", password_hash: "x", display_name: "Second council member", role: "council", organisation_id: null, preferred_language: "en" })
      .returning("id")
      .executeTakeFirstOrThrow();
    secondCouncilCookie = await sessionCookie(db, parseEnv({ SESSION_SECRET: E2E_SESSION_SECRET }), user.id);
  },
});

const SLUG = "appel-villes-inclusives";
const CALL_TITLE = "Appel à HUBs : villes inclusives";
const HUB_TITLE = "Calles para todas las personas en Bogotá";
let callId = "";
let hubPath = "";

async function addCookie(page: Page, cookie: string) {
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  await page.context().addCookies([{ name, value, url: app.url }]);
}

describe("a call for proposals from opening to results", () => {
  it("the secretariat opens a call in French", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await app.loginAs("secretariat", context);
    await page.goto(`${app.url}/fr`);
    await page.getByRole("link", { name: "Gérer les appels" }).click();
    await page.getByRole("link", { name: "Nouvel appel à propositions" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouvel appel à propositions" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Nom dans l’adresse web").fill(SLUG);
    const french = page.getByRole("group", { name: "Textes en français" });
    await french.getByLabel("Titre").fill(CALL_TITLE);
    await french.getByLabel("Résumé").fill("Des HUBs pour des rues et des services ouverts à toutes et tous.");
    await french.getByLabel("Texte complet").fill("Cet appel demande des HUBs sur l’inclusion dans l’espace public.");
    // Open an hour ago (so it is open now) for thirty days.
    await page.getByLabel("Ouverture (UTC)").fill(utcMinuteValue(new Date(Date.now() - 3_600_000)));
    await page.getByLabel("Clôture (UTC)").fill(utcMinuteValue(new Date(Date.now() + 30 * 86_400_000)));
    await page.getByRole("button", { name: "Créer l’appel" }).click();
    await page.getByText("L’appel a été enregistré.").waitFor();
    callId = /\/admin\/calls\/(\d+)/.exec(page.url())![1];
    await page.getByText("Brouillon", { exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Programmer l’appel" }).click();
    await page.getByText("L’état de l’appel a changé.").waitFor();
    await page.getByText("Ouvert", { exact: true }).first().waitFor();
    // Open now: its criteria are frozen.
    await page.getByText("L’appel est ouvert : ses critères et son heure d’ouverture ne peuvent plus changer.").first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("a city in Spanish finds it from the home page, answers it and submits", async () => {
    const { context } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await app.loginAs("city", context);
    await page.goto(`${app.url}/es`);
    // The home page names the open call closing first: this one.
    await page.getByText(`Convocatoria abierta: ${CALL_TITLE}`).waitFor();
    await page.getByRole("link", { name: "Leer la convocatoria y presentarse" }).click();
    await page.getByRole("heading", { level: 1, name: CALL_TITLE }).waitFor();
    await page.getByText(/Quedan 29 días y 2[23] horas/).waitFor();
    await page.getByRole("link", { name: "Responder a esta convocatoria" }).click();
    await page.getByRole("heading", { level: 1, name: "Nueva propuesta de HUB" }).waitFor();
    // Two calls are open (the demo's and this one): the one the city came from is chosen.
    const call = page.getByLabel("Convocatoria a la que responde este HUB");
    expect(await call.locator("option:checked").textContent()).toContain(CALL_TITLE);
    await page.getByLabel("Título", { exact: true }).fill(HUB_TITLE);
    await page.getByLabel("Resumen", { exact: true }).fill("Aceras accesibles y bancos a la sombra en cinco barrios.");
    await page.getByLabel("Descripción completa", { exact: true }).fill("Cinco barrios con aceras accesibles, cruces seguros y bancos.");
    await page.getByLabel("Tema", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Vínculo local–global", { exact: true }).fill("Conecta el plan de accesibilidad con la Agenda 2030.");
    await page.getByLabel("Aceleración", { exact: true }).fill("Triplica el ritmo de obras de accesibilidad.");
    await page.getByLabel("Sincronización", { exact: true }).fill("Comparte el método con otras capitales.");
    await page.getByLabel(/^Elegir ODS 11:/).check();
    await page.getByLabel(/^El ODS 11 .* es el objetivo principal$/).check();
    await page.getByLabel("Fecha de inicio", { exact: true }).fill("2027-02-01");
    await page.getByLabel("Fecha de finalización", { exact: true }).fill("2029-01-31");
    await page.getByLabel("Qué se logrará", { exact: true }).fill("Cinco barrios accesibles");
    await page.getByLabel("Indicador", { exact: true }).fill("Barrios con aceras accesibles");
    await page.getByLabel("Valor meta", { exact: true }).fill("5");
    await page.getByLabel("Unidad", { exact: true }).fill("barrios");
    await page.getByLabel("Fecha prevista", { exact: true }).fill("2028-06-30");
    await page.getByLabel("Correo electrónico de contacto público", { exact: true }).fill("accesible@bogota.example");
    await page.getByRole("button", { name: "Enviar a revisión" }).click();
    await page.getByText("Su propuesta se ha enviado a revisión.").waitFor();
    hubPath = new URL(page.url()).pathname;
    await context.close();
  });

  it("the secretariat assigns two council members, who score it in English", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await app.loginAs("secretariat", context);
    await page.goto(`${app.url}/fr/admin/calls/${callId}/evaluation`);
    for (const member of ["Demo advisory council member", "Second council member"]) {
      await page.getByLabel(`Membre du conseil à affecter à ${HUB_TITLE}`).selectOption({ label: member });
      await page.getByRole("button", { name: "Affecter", exact: true }).click();
      await page.getByText(`${member}: pas encore notée`).waitFor();
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    for (const [who, score, recommendation] of [
      ["council", "4", "Recognise"],
      ["second", "5", "Recognise"],
    ] as const) {
      const member = await app.newContext({ locale: "en-GB" });
      const memberPage = await member.context.newPage();
      if (who === "council") await app.loginAs("council", member.context);
      else await addCookie(memberPage, secondCouncilCookie);
      await memberPage.goto(`${app.url}/en`);
      await memberPage.getByRole("link", { name: "My evaluations" }).click();
      await memberPage.getByRole("link", { name: HUB_TITLE }).click();
      await memberPage.getByRole("heading", { name: "Conflict of interest" }).waitFor();
      expect(await accessibilityViolations(memberPage)).toEqual([]);
      // Saving without a recommendation is refused beside the field (the browser's own check is skipped here to see the server's).
      const selects = memberPage.locator('select[id^="score-"]');
      const count = await selects.count();
      expect(count).toBe(7);
      for (let index = 0; index < count; index += 1) await selects.nth(index).selectOption(score);
      await memberPage.getByLabel("Your recommendation").selectOption({ label: recommendation });
      await memberPage.getByLabel("Your overall comment").fill("Clear outcomes and strong partners.");
      await memberPage.getByRole("button", { name: "Save my scores" }).click();
      await memberPage.getByText("Your scores were saved.").waitFor();
      await member.context.close();
    }
  });

  it("the secretariat reads the ranked table, recognises the HUB and publishes the results; the HUB appears on the call's page and the map", async () => {
    const { context } = await app.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await app.loginAs("secretariat", context);
    await page.goto(`${app.url}/en/admin/calls/${callId}/evaluation`);
    const row = page.getByRole("row").filter({ hasText: HUB_TITLE }).first();
    await row.getByRole("cell", { name: "4.5", exact: true }).first().waitFor();
    expect(await row.getByRole("cell").first().textContent()).toBe("1");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Decide" }).click();
    await page.getByLabel("Decision", { exact: true }).selectOption({ label: "Recognise the HUB" });
    await page.getByLabel("Message to the city", { exact: true }).fill("¡Bienvenidos a la red Local4Action!");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await page.getByText("The decision was recorded and the city was told.").waitFor();

    await page.goto(`${app.url}/en/admin/calls/${callId}`);
    await page.getByRole("button", { name: "Close the call now" }).click();
    await page.getByText("The call's state was changed.").waitFor();
    await page.getByRole("button", { name: "Publish the results" }).click();
    await page.getByText("The call's state was changed.").waitFor();
    await page.getByText("Results published", { exact: true }).first().waitFor();
    await context.close();

    const visitor = await app.newContext({ locale: "es-ES" });
    const publicPage = await visitor.context.newPage();
    await publicPage.goto(`${app.url}/es/calls/${SLUG}`);
    await publicPage.getByRole("heading", { name: "HUBs reconocidos en esta convocatoria (1)" }).waitFor();
    await publicPage.getByRole("link", { name: HUB_TITLE }).waitFor();
    await publicPage.getByRole("rowheader", { name: "América Latina" }).waitFor();
    await publicPage.goto(`${app.url}/es?show=list`);
    await publicPage.locator(".hub-card", { hasText: HUB_TITLE }).first().waitFor();
    await visitor.context.close();
    expect(hubPath).toMatch(/^\/es\/my\/hubs\/\d+$/);
  });

  for (const language of ["en", "es", "fr"] as const) {
    it(`/${language}/calls and a call's page pass axe`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/${language}/calls`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
      await page.goto(`${app.url}/${language}/calls/${SLUG}`);
      await page.getByRole("heading", { level: 1, name: CALL_TITLE }).waitFor();
      expect(await accessibilityViolations(page, { wcag22: true })).toEqual([]);
      await context.close();
    });
  }

  it("the calls pages work without JavaScript: the list, a call's page, its deadline and the way to apply", async () => {
    const { context } = await app.newContext({ javaScriptEnabled: false, locale: "es-ES" });
    const page = await context.newPage();
    await page.goto(`${app.url}/es`);
    await page.getByRole("main").getByRole("link", { name: "Convocatorias", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Convocatorias de propuestas" }).waitFor();
    // Below the header of every other page: the open call.
    await page.getByRole("navigation", { name: "Convocatoria abierta" }).getByRole("link", { name: "Leer la convocatoria y presentarse" }).waitFor();
    await page.locator(".call-list").first().getByRole("link").first().click();
    await page.locator(".call-deadline").waitFor();
    expect(page.url()).toMatch(/\/es\/calls\/[a-z0-9-]+$/);
    await page.getByRole("link", { name: "Responder a esta convocatoria" }).waitFor();
    await context.close();
  });
});
