import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../support/browser";
import { useApp } from "../support/e2e";
import { createHub, createUser } from "../support/progress-fixtures";
import { reportingPeriods } from "~/modules/progress/calendar";
import { isoToday } from "~/modules/hubs/lifecycle";
import { formatDate } from "~/modules/i18n/format";

// Read from the demo data or made by the test before the server starts, never assumed from the seed's dates.
let bogotaFirstPeriodAfterCadence = "";
const app = useApp({
  prepare: async (db) => {
    const bogota = await db.selectFrom("hubs").select(["start_date", "end_date"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
    const [first] = reportingPeriods({ startDate: bogota.start_date, endDate: bogota.end_date, intervalMonths: 4 });
    bogotaFirstPeriodAfterCadence = `Progress report for ${formatDate(first.start, "en")} to ${formatDate(first.end, "en")}`;
    // A HUB completed today, so this year's annual report has one whatever day the suite runs.
    const today = isoToday();
    const city = await createUser(db, { role: "city" });
    const hub = await createHub(db, { organisationId: city.organisation_id!, startDate: "2025-06-01", endDate: today });
    await db.updateTable("hubs").set({ status: "completed", completed_at: new Date() }).where("id", "=", hub.id).execute();
  },
});

const NARRATIVE_ES = "Se abrieron 12 km de ciclorruta en Bosa durante el periodo.";
const NARRATIVE_FR = "12 km de pistes cyclables ont été ouverts à Bosa pendant la période.";

describe("monitoring in the browser", () => {
  it("shows the seeded overdue HUB as overdue on the council dashboard, with no accessibility violation", async () => {
    const { context, foreignRequests } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("council", page.context());
    await page.goto(`${app.url}/en/council`);
    await page.getByRole("heading", { level: 1, name: "Council and secretariat dashboard" }).waitFor();
    await page.getByLabel("Only HUBs with an overdue report").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/overdue=1/);
    await page.getByText(/^1 of \d+ HUBs match the filters\.$/).waitFor();
    const rows = page.locator(".dashboard-table tbody tr");
    expect(await rows.count()).toBe(1);
    const row = page.getByRole("row", { name: /Safe, connected cycle lane network for Bogotá/ });
    await expect(row.getByText("Overdue (1 report)").count()).resolves.toBe(1);
    // The charts have their figures in a table too.
    await page.getByRole("img", { name: "HUBs per world region" }).waitFor({ state: "attached" });
    expect(await page.getByRole("table", { name: "HUBs per world region" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("lets the city post an update with one outcome progressed, which the council accepts in Spanish", async () => {
    const { context } = await app.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await app.loginAs("city", page.context());
    await page.goto(`${app.url}/es/progress`);
    await page.getByRole("heading", { level: 1, name: "Informes de avance" }).waitFor();
    await page.getByText("1 informe está atrasado.").waitFor();
    // Its outcomes' progress over time, as a chart with a table behind it.
    await page.getByRole("img", { name: "Avance de cada resultado en el tiempo" }).waitFor({ state: "attached" });
    expect(await page.getByRole("table", { name: "Avance de cada resultado en el tiempo" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /Redactar el informe de avance del/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Nuevo informe/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Submitting empty keeps us on the page with errors beside the fields.
    await page.getByRole("button", { name: "Enviar a revisión" }).click();
    await page.getByText("Este campo es obligatorio.").first().waitFor();

    await page.getByLabel("Estado general").selectOption({ label: "En curso" });
    await page.getByLabel(/Qué pasó en este periodo/).fill(NARRATIVE_ES);
    await page.getByLabel(/Valor alcanzado: Ampliar la red de ciclorrutas/).fill("124");
    await page.getByLabel(/Comentario: Ampliar la red de ciclorrutas/).fill("Tramo Bosa abierto");
    await page.getByLabel(/Valor alcanzado: Reducir las muertes/).fill("38");
    await page.getByLabel(/Hito alcanzado\? Poner en marcha/).selectOption({ label: "Todavía no" });
    await page.getByLabel("Actividad 1", { exact: true }).fill("Inauguración del tramo Bosa");
    await page.getByLabel("Fecha de la actividad 1").fill("2026-07-15");
    await page.getByText("Traducciones del relato (opcional)").click();
    await page.getByLabel("Relato en francés").fill(NARRATIVE_FR);
    await page.getByRole("button", { name: "Enviar a revisión" }).click();
    await page.getByText("El informe se ha enviado: el consejo asesor ha sido avisado.").waitFor();
    await page.getByText("En espera de revisión", { exact: true }).waitFor();
    await context.close();

    const council = await app.newContext({ locale: "es-ES" });
    const councilPage = await council.context.newPage();
    await app.loginAs("council", councilPage.context());
    await councilPage.goto(`${app.url}/es/council`);
    await councilPage
      .getByRole("region", { name: "En espera de revisión" })
      .getByRole("link", { name: /Red de ciclorrutas seguras/ })
      .click();
    await councilPage.getByRole("heading", { level: 2, name: "Su revisión" }).waitFor();
    await councilPage.getByText(NARRATIVE_ES).waitFor();
    expect(await accessibilityViolations(councilPage)).toEqual([]);
    await councilPage.getByRole("button", { name: "Aceptar y publicar" }).click();
    await councilPage.getByText("El informe está aceptado y publicado en la página del HUB.").waitFor();
    await councilPage.goto(`${app.url}/es/council?overdue=1`);
    await councilPage.getByText(/^0 de \d+ HUBs coinciden con los filtros\.$/).waitFor();
    expect(await councilPage.locator(".dashboard-table tbody tr").count()).toBe(0);
    await council.context.close();
  });

  it("keeps the progress form working without JavaScript: errors beside the fields, input kept, draft saved", async () => {
    const { context } = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await app.loginAs("city", page.context());
    await page.goto(`${app.url}/en/progress`);
    await page.getByRole("link", { name: /Write the final report for/ }).click();
    await page.getByRole("heading", { level: 1, name: /New report/ }).waitFor();
    await page.getByLabel(/What happened in this period/).fill("Final works under way.");
    await page.getByLabel(/Value reached: Ampliar la red de ciclorrutas/).fill("150");
    await page.getByLabel("Link 1", { exact: true }).fill("not a link");
    await page.getByRole("button", { name: "Submit for review" }).click();
    // The server answered: the errors sit beside their fields and what was typed is still there.
    await page.getByText("Enter a web address starting with http:// or https://.").waitFor();
    expect(await page.getByLabel("Overall status").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel(/What happened in this period/).inputValue()).toBe("Final works under way.");
    expect(await page.getByLabel(/Value reached: Ampliar la red de ciclorrutas/).inputValue()).toBe("150");
    await page.getByLabel("Overall status").selectOption({ label: "On track" });
    await page.getByLabel("Link 1", { exact: true }).fill("https://bogota.example.org/final");
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.getByText("The draft is saved.").waitFor();
    expect(await page.getByLabel(/What happened in this period/).inputValue()).toBe("Final works under way.");
    await context.close();
  });

  it("shows the city its notifications and lets the secretariat set a HUB's reporting cadence", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    await app.loginAs("city", page.context());
    await page.goto(`${app.url}/en/notifications`);
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    // From the reminder job at start-up, and from the council's decision in the test above.
    await page.getByRole("link", { name: /The report for Safe, connected cycle lane network for Bogotá.* is overdue\./ }).waitFor();
    await page.getByRole("link", { name: /Your report for Safe, connected cycle lane network for Bogotá.* was accepted and published\./ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await page.getByText("0 unread notifications.").waitFor();
    await context.close();

    const secretariat = await app.newContext();
    const admin = await secretariat.context.newPage();
    await app.loginAs("secretariat", admin.context());
    await admin.goto(`${app.url}/en/council`);
    await admin.getByRole("link", { name: /Reporting cadence of Safe, connected cycle lane network for Bogotá/ }).click();
    await admin.getByRole("heading", { level: 1, name: /Reporting cadence/ }).waitFor();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.getByLabel("Months between progress reports").fill("13");
    await admin.getByRole("button", { name: "Save the cadence" }).click();
    await admin.getByText("Enter a value of at most 12.").waitFor();
    await admin.getByLabel("Months between progress reports").fill("4");
    // Leaving the field revalidates it and removes the error above the button before it is pressed.
    await admin.getByLabel("Months between progress reports").press("Tab");
    await admin.getByText("Enter a value of at most 12.").waitFor({ state: "detached" });
    await admin.getByRole("button", { name: "Save the cadence" }).click();
    await admin.waitForURL(/saved=1/);
    await admin.getByText(bogotaFirstPeriodAfterCadence).waitFor();
    await secretariat.context.close();
  });

  it("shows the annual report, printable, with its figures", async () => {
    const { context } = await app.newContext();
    const page = await context.newPage();
    // The server's year: it and this process share the clock.
    const year = Number(isoToday().slice(0, 4));
    await page.goto(`${app.url}/fr/reports/${year}`);
    await page.getByRole("heading", { level: 1, name: `Les HUBs Local4Action en ${year}` }).waitFor();
    await page.getByText("Achevé cette année").first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("table", { name: "HUBs par région du monde" }).isVisible()).toBe(true);
    await context.close();
  });

  // Needs the public HUB page (/{lang}/hubs/{slug}, the map engineer's) with <PublishedProgress> placed on it at merge.
  it("publishes the accepted update on the HUB's public page, in French", async () => {
    const { context } = await app.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const response = await page.goto(`${app.url}/fr/hubs/bogota-cycle-network`);
    expect(response?.status()).toBe(200);
    await page.getByText(NARRATIVE_FR).waitFor();
    await page.getByRole("cell", { name: "124 km" }).first().waitFor();
    // Each outcome's progress over time, drawn from the accepted updates.
    await page.getByRole("img", { name: "Avancement de chaque résultat dans le temps" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
