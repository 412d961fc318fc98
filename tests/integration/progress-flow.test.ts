import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { listPublishedProgress, latestOutcomeProgress } from "~/modules/progress/published-progress.server";
import { listDashboardRows, dashboardFigures, reviewQueue } from "~/modules/progress/dashboard.server";
import { annualReport } from "~/modules/progress/report.server";
import { periodKey } from "~/modules/progress/calendar";
import { action as newAction, loader as newLoader } from "../../app/routes/$lang.progress.$hubId.new";
import { action as updateAction, loader as updateLoader } from "../../app/routes/$lang.progress.updates.$updateId";
import { loader as councilLoader } from "../../app/routes/$lang.council._index";
import { loader as exportLoader } from "../../app/routes/$lang.council.export";
import { loader as reportLoader } from "../../app/routes/$lang.reports.$year";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { useToday } from "../support/clock";
import { createHub, createUser } from "../support/progress-fixtures";
import { callRoute, form } from "../support/routes";
import { cookieFor } from "../support/sessions";

let database: TestDatabase;
// A fixed day: the demo data is seeded as of it and every rule is asked about it.
const today = useToday("2026-11-22");
let cookies: Record<"city" | "council" | "secretariat" | "otherCity", string>;
let ids: Record<"city" | "council" | "secretariat" | "otherCity", number>;
let bogota: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: today });
  const users = await database.db.selectFrom("users").select(["id", "email"]).execute();
  const id = (email: string) => users.find((user) => user.email === email)!.id;
  const other = await createUser(database.db, { role: "city", language: "en" });
  ids = { city: id("city@demo.l4a.test"), council: id("council@demo.l4a.test"), secretariat: id("secretariat@demo.l4a.test"), otherCity: other.id };
  cookies = {
    city: await cookieFor(database, ids.city),
    council: await cookieFor(database, ids.council),
    secretariat: await cookieFor(database, ids.secretariat),
    otherCity: await cookieFor(database, ids.otherCity),
  };
  bogota = await database.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
});
afterAll(() => database?.destroy());

describe("the demo monitoring data", () => {
  it("has one overdue HUB (Bogotá), a completed HUB with its final report, and reports waiting for review", async () => {
    const { rows } = await listDashboardRows(database.db, { today, language: "en" });
    expect(rows.filter((row) => row.overdue).map((row) => row.slug)).toEqual(["bogota-cycle-network"]);
    const completed = await database.db.selectFrom("hubs").select(["id", "slug", "completed_at"]).where("status", "=", "completed").execute();
    expect(completed).toHaveLength(1);
    const published = await listPublishedProgress(database.db, completed[0].id, "fr");
    expect(published[0].kind).toBe("final");
    expect(published[0].outcomes.every((outcome) => outcome.fraction === 1)).toBe(true);
    const queue = await reviewQueue(database.db, "en");
    expect(queue.updates.length).toBeGreaterThanOrEqual(1);
    const figures = await dashboardFigures(database.db, today);
    expect(figures.byStatus.completed).toBe(1);
    expect(figures.overdueReports).toBe(1);
    expect(figures.outcomesAchieved).toBeGreaterThan(0);
  });

  it("gives the annual report figures and one entry per HUB, a HUB completed today counted as completed this year", async () => {
    const year = Number(today.slice(0, 4));
    const before = await annualReport(database.db, { year, language: "es", today });
    // A HUB of the test's own, completed today, rather than a demo date that may fall in another year.
    const city = await createUser(database.db, { role: "city" });
    const finished = await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2025-06-01", endDate: today });
    await database.db.updateTable("hubs").set({ status: "completed", completed_at: new Date(`${today}T09:00:00Z`) }).where("id", "=", finished.id).execute();
    const report = await annualReport(database.db, { year, language: "es", today });
    expect(report.active).toBeGreaterThan(30);
    expect(report.completed).toBe(before.completed + 1);
    expect(report.hubs.length).toBe(41);
    expect(report.hubs.find((hub) => hub.slug === finished.slug)?.completedThisYear).toBe(true);
    expect(report.bySdg.reduce((sum, entry) => sum + entry.count, 0)).toBe(41);
    const response = await callRoute(reportLoader, database, { path: `/es/reports/${year}`, params: { lang: "es", year: String(year) } });
    expect(response.status).toBe(200);
    expect((await callRoute(reportLoader, database, { path: "/es/reports/1999", params: { lang: "es", year: "1999" } })).status).toBe(404);
  });
});

describe("a progress update from draft to publication", () => {
  let updateId: number;
  let period: string;
  let outcomeIds: number[];

  it("lets the city open the form for its overdue period, and no other city", async () => {
    const [calendar] = await listHubCalendars(database.db, { today, hubIds: [bogota.id] });
    period = periodKey(calendar.calendar.overdue[0]);
    const url = `/es/progress/${bogota.id}/new?period=${encodeURIComponent(period)}`;
    const params = { lang: "es", hubId: String(bogota.id) };
    const ok = await callRoute(newLoader, database, { path: url, cookie: cookies.city, params });
    expect(ok.status).toBe(200);
    outcomeIds = ((await ok.json()) as { outcomes: { id: number }[] }).outcomes.map((outcome) => outcome.id);
    expect((await callRoute(newLoader, database, { path: url, cookie: cookies.otherCity, params })).status).toBe(404);
    expect((await callRoute(newLoader, database, { path: url, cookie: cookies.council, params })).status).toBe(403);
    expect((await callRoute(newLoader, database, { path: `/es/progress/${bogota.id}/new?period=progress:2001-01-01`, cookie: cookies.city, params })).status).toBe(404);
    const anonymous = await callRoute(newLoader, database, { path: url, params });
    expect(anonymous.status).toBe(302);
  });

  it("refuses to submit without every outcome reported, with errors beside the fields and the input kept", async () => {
    const url = `/es/progress/${bogota.id}/new?period=${encodeURIComponent(period)}`;
    const response = await callRoute(newAction, database, { path: url,
      cookie: cookies.city,
      params: { lang: "es", hubId: String(bogota.id) },
      body: form({
        intent: "submit",
        overallStatus: "on_track",
        narrative: "Avanzamos en la red de ciclorrutas.",
        "outcomes[0].outcomeId": String(outcomeIds[0]),
        "outcomes[0].kind": "numeric",
        "outcomes[0].value": "12",
        "outcomes[1].outcomeId": String(outcomeIds[1]),
        "outcomes[1].kind": "numeric",
        "outcomes[2].outcomeId": String(outcomeIds[2]),
        "outcomes[2].kind": "milestone",
        "activities[0].title": "Taller",
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(body.error["outcomes[0].value"]).toBeUndefined();
    expect(body.error["outcomes[1].value"]).toEqual(["monitoring:form.outcomeValueRequired"]);
    expect(body.error["outcomes[2].milestoneReached"]).toEqual(["monitoring:form.milestoneRequired"]);
    expect(body.error["activities[0].heldOn"]).toEqual(["validation:required"]);
    expect(body.initialValue.narrative).toBe("Avanzamos en la red de ciclorrutas.");
    expect(await database.db.selectFrom("progress_updates").select("id").where("hub_id", "=", bogota.id).where("status", "=", "draft").execute()).toEqual([]);
    const notANumber = await callRoute(newAction, database, { path: url,
      cookie: cookies.city,
      params: { lang: "es", hubId: String(bogota.id) },
      body: form({ intent: "save", overallStatus: "sideways", narrative: "", "outcomes[0].outcomeId": String(outcomeIds[0]), "outcomes[0].kind": "numeric", "outcomes[0].value": "abc", "evidence[0].url": "not a link" }),
    });
    expect(notANumber.status).toBe(400);
    const errors = ((await notANumber.json()) as { error: Record<string, string[]> }).error;
    expect(errors).toMatchObject({
      "outcomes[0].value": ["validation:number"],
      overallStatus: ["validation:choice"],
      narrative: ["validation:required"],
      "evidence[0].url": ["validation:url"],
    });
  });

  it("saves a draft that the public and the council do not see", async () => {
    const response = await callRoute(newAction, database, {
      path: `/es/progress/${bogota.id}/new?period=${encodeURIComponent(period)}`,
      cookie: cookies.city,
      params: { lang: "es", hubId: String(bogota.id) },
      body: form({
        intent: "save",
        overallStatus: "at_risk",
        narrative: "Borrador del informe.",
        "outcomes[0].outcomeId": String(outcomeIds[0]),
        "outcomes[0].kind": "numeric",
        "outcomes[0].value": "141",
        "activities[0].title": "Taller con colectivos ciclistas",
        "activities[0].heldOn": "2026-07-10",
        "evidence[0].url": "https://bogota.example.org/informe",
      }),
    });
    expect(response.status).toBe(302);
    updateId = Number(response.headers.get("Location")!.match(/updates\/(\d+)/)![1]);
    const stored = await database.db.selectFrom("progress_updates").select(["status", "original_language", "version"]).where("id", "=", updateId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "draft", original_language: "es", version: 1 });
    expect((await listPublishedProgress(database.db, bogota.id, "fr")).some((update) => update.id === updateId)).toBe(false);
    const params = { lang: "fr", updateId: String(updateId) };
    expect((await callRoute(updateLoader, database, { path: `/fr/progress/updates/${updateId}`, cookie: cookies.council, params })).status).toBe(404);
    expect((await callRoute(updateLoader, database, { path: `/fr/progress/updates/${updateId}`, cookie: cookies.otherCity, params })).status).toBe(404);
  });

  it("turns a stale save into a conflict that keeps the input", async () => {
    const base = {
      overallStatus: "on_track",
      narrative: "Informe de avance: 141 km construidos.",
      "outcomes[0].outcomeId": String(outcomeIds[0]),
      "outcomes[0].kind": "numeric",
      "outcomes[0].value": "141",
      "outcomes[1].outcomeId": String(outcomeIds[1]),
      "outcomes[1].kind": "numeric",
      "outcomes[1].value": "30",
      "outcomes[2].outcomeId": String(outcomeIds[2]),
      "outcomes[2].kind": "milestone",
      "outcomes[2].milestoneReached": "yes",
      "outcomes[2].comment": "Tres escuelas abiertas",
    };
    const params = { lang: "es", updateId: String(updateId) };
    const url = `/es/progress/updates/${updateId}`;
    const saved = await callRoute(updateAction, database, { path: url, cookie: cookies.city, params, body: form({ ...base, intent: "save", version: "1" }) });
    expect(saved.status).toBe(302);
    const stale = await callRoute(updateAction, database, { path: url, cookie: cookies.city, params, body: form({ ...base, intent: "save", version: "1", narrative: "Otra versión" }) });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> }; latestVersion: number };
    expect(body.result.error[""]).toEqual(["validation:conflict"]);
    expect(body.result.initialValue.narrative).toBe("Otra versión");
    expect(body.latestVersion).toBe(2);
    // Another city cannot write it, even with the right version.
    expect((await callRoute(updateAction, database, { path: url, cookie: cookies.otherCity, params, body: form({ ...base, intent: "submit", version: "2" }) })).status).toBe(404);
    const submitted = await callRoute(updateAction, database, { path: url, cookie: cookies.city, params, body: form({ ...base, intent: "submit", version: "2" }) });
    expect(submitted.status).toBe(302);
  });

  it("tells the council, which asks for clarification; the city revises; the council accepts; every step is audited", async () => {
    const councilNotes = await database.db.selectFrom("notifications").select("kind").where("user_id", "=", ids.council).where("update_id", "=", updateId).execute();
    expect(councilNotes.map((row) => row.kind)).toEqual(["update_submitted"]);
    const councilMail = await database.db.selectFrom("outbox").select(["subject", "language"]).where("kind", "=", "update_submitted").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(councilMail.language).toBe("fr");
    expect(councilMail.subject).toMatch(/^Rapport à examiner/);

    const url = `/es/progress/updates/${updateId}`;
    const params = { lang: "es", updateId: String(updateId) };
    // The secretariat reads but cannot review; the city cannot review its own report.
    expect((await callRoute(updateLoader, database, { path: url, cookie: cookies.secretariat, params })).status).toBe(200);
    expect((await callRoute(updateAction, database, { path: url, cookie: cookies.secretariat, params, body: form({ intent: "accept", version: "3" }) })).status).toBe(409);
    expect((await callRoute(updateAction, database, { path: url, cookie: cookies.city, params, body: form({ intent: "accept", version: "3" }) })).status).toBe(409);

    const missingComment = await callRoute(updateAction, database, { path: url, cookie: cookies.council, params, body: form({ intent: "clarify", version: "3" }) });
    expect(missingComment.status).toBe(400);
    const clarify = await callRoute(updateAction, database, { path: url, cookie: cookies.council, params, body: form({ intent: "clarify", version: "3", comment: "¿Cuántos km son nuevos?" }) });
    expect(clarify.status).toBe(302);
    expect((await listPublishedProgress(database.db, bogota.id, "es")).some((update) => update.id === updateId)).toBe(false);

    const revise = await callRoute(updateAction, database, { path: url,
      cookie: cookies.city,
      params,
      body: form({
        intent: "submit",
        version: "4",
        overallStatus: "on_track",
        narrative: "29 km nuevos en el periodo.",
        translation_fr: "29 km nouveaux pendant la période.",
        "outcomes[0].outcomeId": String(outcomeIds[0]),
        "outcomes[0].kind": "numeric",
        "outcomes[0].value": "141",
        "outcomes[1].outcomeId": String(outcomeIds[1]),
        "outcomes[1].kind": "numeric",
        "outcomes[1].value": "30",
        "outcomes[2].outcomeId": String(outcomeIds[2]),
        "outcomes[2].kind": "milestone",
        "outcomes[2].milestoneReached": "yes",
      }),
    });
    expect(revise.status).toBe(302);
    const accept = await callRoute(updateAction, database, { path: url, cookie: cookies.council, params, body: form({ intent: "accept", version: "5" }) });
    expect(accept.status).toBe(302);
    // A second decision on the same report is refused.
    expect((await callRoute(updateAction, database, { path: url, cookie: cookies.council, params, body: form({ intent: "accept", version: "5" }) })).status).toBe(409);

    const audit = await database.db.selectFrom("audit_log").select(["action", "from_status", "to_status"]).where("entity", "=", "progress_update").where("entity_id", "=", updateId).orderBy("id").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["create", "save", "submit", "request_clarification", "revise", "accept"]);
    const cityNotes = await database.db.selectFrom("notifications").select("kind").where("user_id", "=", ids.city).where("update_id", "=", updateId).orderBy("id").execute();
    expect(cityNotes.map((row) => row.kind)).toEqual(["update_clarification", "update_accepted"]);

    const published = await listPublishedProgress(database.db, bogota.id, "fr");
    expect(published[0]).toMatchObject({ id: updateId, narrative: "29 km nouveaux pendant la période.", narrativeLanguage: "fr", overallStatus: "on_track" });
    expect(published[0].outcomes[0]).toMatchObject({ value: 141, fraction: 29 / 48 });
    const english = await listPublishedProgress(database.db, bogota.id, "en");
    expect(english[0]).toMatchObject({ narrative: "29 km nuevos en el periodo.", narrativeLanguage: "es" });
    const chart = await latestOutcomeProgress(database.db, bogota.id);
    expect(chart[0].latest).toBeCloseTo(29 / 48);
    const { rows } = await listDashboardRows(database.db, { today, language: "en" });
    expect(rows.find((row) => row.hubId === bogota.id)?.overdue).toBe(false);
  });

  it("completes the HUB when its final report is accepted", async () => {
    const city = await createUser(database.db, { role: "city", language: "es" });
    const hub = await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2024-01-01", endDate: "2025-01-01" });
    const cookie = await cookieFor(database, city.id);
    const [calendar] = await listHubCalendars(database.db, { today, hubIds: [hub.id] });
    const final = calendar.calendar.open.find((candidate) => candidate.kind === "final")!;
    const created = await callRoute(newAction, database, {
      path: `/en/progress/${hub.id}/new?period=${encodeURIComponent(periodKey(final))}`,
      cookie,
      params: { lang: "en", hubId: String(hub.id) },
      body: form({
        intent: "submit",
        overallStatus: "achieved",
        narrative: "Done.",
        "outcomes[0].outcomeId": String(hub.outcomeIds[0]),
        "outcomes[0].kind": "numeric",
        "outcomes[0].value": "100",
        "outcomes[1].outcomeId": String(hub.outcomeIds[1]),
        "outcomes[1].kind": "milestone",
        "outcomes[1].milestoneReached": "yes",
      }),
    });
    expect(created.status).toBe(302);
    const id = Number(created.headers.get("Location")!.match(/updates\/(\d+)/)![1]);
    const accepted = await callRoute(updateAction, database, { path: `/en/progress/updates/${id}`, cookie: cookies.council, params: { lang: "en", updateId: String(id) }, body: form({ intent: "accept", version: "1" }) });
    expect(accepted.status).toBe(302);
    const stored = await database.db.selectFrom("hubs").select(["status", "completed_at"]).where("id", "=", hub.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe("completed");
    expect(stored.completed_at).not.toBeNull();
    const audit = await database.db.selectFrom("audit_log").select(["action", "to_status"]).where("entity", "=", "hub").where("entity_id", "=", hub.id).execute();
    expect(audit).toEqual([{ action: "complete", to_status: "completed" }]);
    const published = await listPublishedProgress(database.db, hub.id, "en");
    expect(published[0].outcomes.map((outcome) => outcome.fraction)).toEqual([1, 1]);
  });
});

describe("the council dashboard", () => {
  it("is for the council and the secretariat only, with filters and sorting in the URL, and the same rows in CSV", async () => {
    expect((await callRoute(councilLoader, database, { path: "/en/council", cookie: cookies.city, params: { lang: "en" } })).status).toBe(403);
    expect((await callRoute(exportLoader, database, { path: "/en/council/export", cookie: cookies.city, params: { lang: "en" } })).status).toBe(403);
    const page = await callRoute(councilLoader, database, { path: "/en/council?region=europe&sort=city&dir=desc", cookie: cookies.secretariat, params: { lang: "en" } });
    const data = (await page.json()) as { rows: { city: string; region: string }[] };
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.every((row) => row.region === "europe")).toBe(true);
    const cities = data.rows.map((row) => row.city);
    expect(cities).toEqual([...cities].sort((a, b) => b.localeCompare(a, "en")));
    const csv = await callRoute(exportLoader, database, { path: "/en/council/export?region=europe&sort=city&dir=desc", cookie: cookies.council, params: { lang: "en" } });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toContain("Next report due");
    expect(lines).toHaveLength(data.rows.length + 1);
  });
});
