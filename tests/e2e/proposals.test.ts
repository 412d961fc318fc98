import type { Cookie, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";
import { useFakeSmtp } from "../support/smtp";
import { formatDate } from "~/modules/i18n/format";
import { displayStatusOf, isoToday } from "~/modules/hubs/lifecycle";

const smtp = useFakeSmtp();
const app = useApp({ env: smtp.env });

let newCitySession: Cookie[] = [];

const NEW_CITY = { name: "Lucía Gómez", email: "lucia.gomez@chapinero.example.org", password: "Calle-Verde-Chapinero-2030", organisation: "Alcaldía Local de Chapinero" };

/** A new representative signs up in Spanish, registering their local government (it starts unverified). */
async function signUpNewRepresentative(page: Page) {
  await page.goto(`${app.url}/es`);
  await page.getByRole("link", { name: "Registrarse" }).click();
  await page.getByLabel("Su nombre").fill(NEW_CITY.name);
  await page.getByLabel("Correo electrónico").fill(NEW_CITY.email);
  await page.getByLabel("Contraseña nueva").fill(NEW_CITY.password);
  await page.getByLabel("Repita la contraseña").fill(NEW_CITY.password);
  await page.getByLabel("Registrar una organización nueva").check();
  await page.getByLabel("Nombre de la organización").fill(NEW_CITY.organisation);
  await page.getByLabel("Tipo de organización").selectOption({ label: "Gobierno local" });
  await page.getByLabel("País").selectOption({ label: "Colombia" });
  await page.getByLabel("Región mundial de CGLU").selectOption({ label: "América Latina" });
  await page.getByLabel("Ciudad").fill("Bogotá");
  await page.getByLabel("Latitud").fill("4.6486");
  await page.getByLabel("Longitud").fill("-74.0628");
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  // The address is confirmed by the link of the e-mail before anything else.
  await page.getByRole("heading", { level: 1, name: "Revise su correo" }).waitFor();
  await page.goto((await smtp.nextMailTo(NEW_CITY.email)).match(/https?:\/\/\S+\/es\/signup\/confirm\/[A-Za-z0-9_-]{43}/)![0]);
  await page.getByRole("button", { name: "Confirmar mi dirección" }).click();
  await page.waitForURL(`${app.url}/es/account?welcome=1`);
  await page.getByText(`Sesión iniciada como ${NEW_CITY.name}`).waitFor();
}

/** The secretariat verifies the new organisation, so its proposals can be submitted. */
async function secretariatVerifiesOrganisation() {
  const { context } = await app.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await app.loginAs("secretariat", page.context());
  await page.goto(`${app.url}/en`);
  await page.getByRole("link", { name: "Administration" }).click();
  await page.getByRole("button", { name: `Verify ${NEW_CITY.organisation}` }).click();
  await page.getByText("The organisation is verified: its proposals can now be submitted.").waitFor();
  await context.close();
}

const TITLE = "Barrios que respiran: movilidad limpia en Bogotá";
const TITLE_EN = "Breathing neighbourhoods: clean mobility in Bogotá";
const SUMMARY_HTML = "<b>Buses eléctricos</b> y ciclovías <script>alert(1)</script>";
let hubPath = "";

describe("the whole story: a city signs up and drafts in Spanish, the council reviews in French, the secretariat recognises", () => {
  it("a new city representative signs up, drafts a HUB in Spanish, fixes a timeline error and submits it", async () => {
    const { context, foreignRequests } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await signUpNewRepresentative(page);
    // Later tests come back as this representative with the session the sign-up opened.
    newCitySession = await context.cookies();
    await secretariatVerifiesOrganisation();
    await page.goto(`${app.url}/es`);
    await page.getByRole("link", { name: "Mis propuestas de HUB" }).click();
    await page.getByRole("link", { name: "Crear una nueva propuesta de HUB" }).click();
    await page.getByRole("heading", { level: 1, name: "Nueva propuesta de HUB" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The optional map: a click fills in the coordinates (the fields stay the keyboard way). It starts on Bogotá.
    const latitude = page.getByLabel("Latitud", { exact: true });
    const before = Number(await latitude.inputValue());
    expect(before).toBeCloseTo(4.6, 0);
    await page.locator(".location-map .leaflet-container").click({ position: { x: 40, y: 40 } });
    await expect.poll(async () => Number(await latitude.inputValue())).toBeGreaterThan(before + 1);
    await latitude.fill("4.711");
    await page.getByLabel("Longitud", { exact: true }).fill("-74.0721");
    await page.getByLabel("Título", { exact: true }).fill(TITLE);
    await page.getByLabel("Resumen", { exact: true }).fill(SUMMARY_HTML);
    await page.getByLabel("Descripción completa", { exact: true }).fill("Diez barrios con buses eléctricos y ciclovías seguras.");
    await page.getByLabel("Tema", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Vínculo local–global", { exact: true }).fill("Conecta el plan de movilidad con la Agenda 2030.");
    await page.getByLabel("Aceleración", { exact: true }).fill("Duplica el ritmo de electrificación.");
    await page.getByLabel("Sincronización", { exact: true }).fill("Comparte datos con otras capitales andinas.");
    await page.getByLabel(/^Elegir ODS 11:/).check();
    await page.getByLabel(/^Elegir ODS 13:/).check();
    await page.getByLabel(/^El ODS 11 .* es el objetivo principal$/).check();
    await page.getByLabel("Fecha de inicio", { exact: true }).fill("2025-01-15");
    // Four years: too long.
    await page.getByLabel("Fecha de finalización", { exact: true }).fill("2029-01-15");
    await page.getByLabel("Qué se logrará", { exact: true }).fill("Diez barrios con ciclovía");
    await page.getByLabel("Indicador", { exact: true }).fill("Barrios con ciclovía");
    await page.getByLabel("Valor meta", { exact: true }).fill("10");
    await page.getByLabel("Unidad", { exact: true }).fill("barrios");
    await page.getByLabel("Fecha prevista", { exact: true }).fill("2026-06-30");
    await page.getByLabel("Correo electrónico de contacto público", { exact: true }).fill("movilidad@bogota.example");
    await page.getByLabel("Título (inglés)", { exact: true }).fill(TITLE_EN);
    await page.getByRole("button", { name: "Enviar a revisión" }).click();

    const endDate = page.getByLabel("Fecha de finalización", { exact: true });
    await page.getByText("El calendario puede durar como máximo tres años.").waitFor();
    expect(await endDate.getAttribute("aria-invalid")).toBe("true");
    // Everything typed is still there.
    expect(await page.getByLabel("Título", { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel("Resumen", { exact: true }).inputValue()).toBe(SUMMARY_HTML);
    expect(await accessibilityViolations(page)).toEqual([]);

    await endDate.fill("2027-01-14");
    await page.getByRole("button", { name: "Enviar a revisión" }).click();
    await page.getByText("Su propuesta se ha enviado a revisión.").waitFor();
    hubPath = new URL(page.url()).pathname;
    expect(hubPath).toMatch(/^\/es\/my\/hubs\/\d+$/);
    await page.getByText("Enviado", { exact: true }).first().waitFor();
    // HTML typed in a field is shown as text, never run or rendered.
    expect(await page.getByText(SUMMARY_HTML).count()).toBeGreaterThan(0);
    expect(await page.locator(".proposal-view b").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The list of the city's proposals shows it with its status.
    await page.getByRole("link", { name: "Volver a mis propuestas" }).click();
    await page.getByRole("cell", { name: TITLE }).waitFor();
    await page.getByRole("cell", { name: "Enviado" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("an advisory council member reviews it in French", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await app.loginAs("council", page.context());
    await page.goto(`${app.url}/fr`);
    await page.getByRole("link", { name: "Examiner les propositions" }).click();
    await page.getByRole("heading", { level: 1, name: "Propositions à examiner" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // No French translation: the list shows the Spanish original.
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: "Enregistrer votre avis" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // An empty review is refused beside its field.
    await page.getByRole("button", { name: "Enregistrer l’avis" }).click();
    await page.getByText("Ce champ est obligatoire.").first().waitFor();
    await page.getByLabel("Recommandation", { exact: true }).selectOption({ label: "Recommande la reconnaissance" });
    await page.getByLabel("Commentaires", { exact: true }).fill("Proposition solide ; indicateurs clairs.");
    await page.getByRole("button", { name: "Enregistrer l’avis" }).click();
    await page.getByText("Votre avis a été enregistré.").waitFor();
    await page.getByText("Proposition solide ; indicateurs clairs.").first().waitFor();
    // The council does not decide.
    expect(await page.getByRole("heading", { name: "Décision du secrétariat" }).count()).toBe(0);
    await context.close();
  });

  it("the secretariat recognises it with a message the city sees", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("secretariat", page.context());
    await page.goto(`${app.url}/en`);
    for (const path of ["/en/admin/themes", "/en/admin/translations"]) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    await page.goto(`${app.url}/en`);
    await page.getByRole("link", { name: "Review proposals" }).click();
    await page.getByRole("link", { name: TITLE_EN }).click();
    await page.getByText("Recommends recognition").first().waitFor();
    await page.getByLabel("Decision", { exact: true }).selectOption({ label: "Recognise the HUB" });
    await page.getByLabel("Message to the city", { exact: true }).fill("Welcome to the Local4Action network!");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await page.getByText("The decision was recorded and the city was told.").waitFor();
    // Recognised: the page shows what it is today (active within 2025-01-15 to 2027-01-14, ended after).
    const shown = displayStatusOf({ status: "recognised", startDate: "2025-01-15", endDate: "2027-01-14" }, isoToday());
    await page.getByText(shown === "active" ? "Active" : "Ended, final report due", { exact: true }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    const city = await app.newContext();
    const cityPage = await city.context.newPage();
    await cityPage.context().addCookies(newCitySession);
    await cityPage.goto(`${app.url}${hubPath}`);
    await cityPage.getByText("Welcome to the Local4Action network!").first().waitFor();
    await city.context.close();
  });

  for (const [language, title, heading] of [
    ["es", TITLE, "HUBs Local4Action"],
    ["en", TITLE_EN, "Local4Action HUBs"],
    ["fr", TITLE, "HUBs Local4Action"],
  ] as const) {
    it(`then appears on the public home page in ${language}`, async () => {
      const { context } = await app.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/${language}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      const card = page.locator(".hub-card", { hasText: title });
      await card.waitFor();
      if (language === "fr") {
        // No French translation: the Spanish original, saying so.
        await card.getByText("Affiché en espagnol", { exact: false }).waitFor();
      }
      await context.close();
    });
  }
});

describe("after recognition", () => {
  it("two people saving the same HUB: the second gets a conflict message with their input kept", async () => {
    const first = await app.newContext();
    const second = await app.newContext();
    const [pageA, pageB] = await Promise.all([first.context.newPage(), second.context.newPage()]);
    await pageA.context().addCookies(newCitySession);
    await pageB.context().addCookies(newCitySession);
    await pageA.goto(`${app.url}${hubPath}`);
    await pageB.goto(`${app.url}${hubPath}`);
    await pageA.getByLabel("Título (francés)", { exact: true }).fill("Quartiers qui respirent");
    await pageA.getByRole("button", { name: "Guardar cambios" }).first().click();
    // A recognised HUB's texts wait for the secretariat: the city is told so.
    await pageA.getByText("Tus cambios se enviaron a la secretaría para su revisión", { exact: false }).waitFor();
    await pageB.getByLabel("Sitio web", { exact: true }).fill("https://movilidad.bogota.example");
    await pageB.getByRole("button", { name: "Guardar cambios" }).first().click();
    await pageB.getByText("Otra persona guardó este formulario", { exact: false }).waitFor();
    expect(await pageB.getByLabel("Sitio web", { exact: true }).inputValue()).toBe("https://movilidad.bogota.example");
    // The first person's save was not overwritten.
    await pageA.reload();
    // The form shows the version awaiting review.
    expect(await pageA.getByLabel("Título (francés)", { exact: true }).inputValue()).toBe("Quartiers qui respirent");
    expect(await pageA.getByLabel("Sitio web", { exact: true }).inputValue()).not.toBe("https://movilidad.bogota.example");
    await first.context.close();
    await second.context.close();
  });

  it("a change of the agreed timeline goes to the secretariat as a change request, and the page shows what changed", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await page.context().addCookies(newCitySession);
    await page.goto(`${app.url}${hubPath}`);
    await page.getByLabel("Fecha de finalización", { exact: true }).fill("2027-06-30");
    await page.getByRole("button", { name: "Guardar cambios" }).first().click();
    await page.getByText("Tus cambios se enviaron a la secretaría para su revisión", { exact: false }).waitFor();
    const pending = page.getByRole("region", { name: "Solicitud de cambio pendiente de la secretaría" });
    await pending.getByText("Tus cambios esperan la revisión de la secretaría", { exact: false }).waitFor();
    // One request holds both changes: the earlier French title and the end date, published → proposed.
    await pending.getByRole("cell", { name: "Quartiers qui respirent" }).waitFor();
    await pending.getByRole("cell", { name: formatDate("2027-01-14", "es") }).waitFor();
    await pending.getByRole("cell", { name: formatDate("2027-06-30", "es") }).waitFor();
    // The form shows the version the city asked for; the public page keeps the agreed one until the secretariat decides.
    expect(await page.getByLabel("Fecha de finalización", { exact: true }).inputValue()).toBe("2027-06-30");
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    const secretariat = await app.newContext();
    const review = await secretariat.context.newPage();
    await app.loginAs("secretariat", review.context());
    await review.goto(`${app.url}/en`);
    await review.goto(`${app.url}${hubPath.replace(/^\/es\/my\/hubs/, "/en/review")}`);
    await review.getByRole("cell", { name: formatDate("2027-06-30", "en") }).waitFor();
    expect(await accessibilityViolations(review)).toEqual([]);
    await review.getByRole("button", { name: "Approve the change" }).click();
    await review.getByText("The change request was decided.").waitFor();
    await review.getByText("Change approved by the secretariat", { exact: false }).first().waitFor();
    await secretariat.context.close();
  });
});

describe("the proposal form without JavaScript", () => {
  it("finds a city by name, adds an outcome row and saves a draft, all by plain form posts", async () => {
    const { context } = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await app.loginAs("city", page.context());
    await page.goto(`${app.url}/en`);
    await page.goto(`${app.url}/en/my/hubs/new`);
    await page.getByLabel("Title", { exact: true }).fill("Offline draft");
    await page.getByLabel("Find a city", { exact: true }).fill("medellin");
    // Without JavaScript every button is a full form post: wait for the new page each time.
    const post = (name: string | RegExp) => Promise.all([page.waitForNavigation(), page.getByRole("button", { name, exact: typeof name === "string" }).first().click()]);
    await post("Find");
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Offline draft");
    await post(/^Use Medellín \(CO\)/);
    expect(Number(await page.getByLabel("Latitude", { exact: true }).inputValue())).toBeCloseTo(6.25, 1);
    expect(Number(await page.getByLabel("Longitude", { exact: true }).inputValue())).toBeCloseTo(-75.56, 1);
    await page.getByText("City data: GeoNames (geonames.org), licensed CC BY 4.0.").waitFor();
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Offline draft");
    await post("Add an outcome");
    expect(await page.getByRole("group", { name: /^Outcome \d$/ }).count()).toBe(2);
    await post("Remove outcome 2");
    expect(await page.getByRole("group", { name: /^Outcome \d$/ }).count()).toBe(1);
    await page.getByLabel("Start date", { exact: true }).fill("2027-01-01");
    await page.getByLabel("End date", { exact: true }).fill("2028-06-30");
    await page.getByLabel("Website", { exact: true }).fill("javascript:alert(1)");
    await post("Save draft");
    await page.getByText("Enter a web address starting with http:// or https://.").waitFor();
    await page.getByLabel("Website", { exact: true }).fill("https://medellin.example");
    await post("Save draft");
    await page.getByText("Your changes were saved.").waitFor();
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Offline draft");
    await context.close();
  });
});
