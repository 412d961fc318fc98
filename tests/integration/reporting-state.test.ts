import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { toSessionUser, type SessionUser } from "~/modules/accounts/session.server";
import { transition } from "~/modules/hubs/lifecycle.server";
import { setCadence } from "~/modules/progress/cadence.server";
import { computeDashboardFigures, DASHBOARD_PAGE_SIZE, dashboardFigures, listDashboardRows } from "~/modules/progress/dashboard.server";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { createUpdate, reviewUpdate, saveUpdate } from "~/modules/progress/progress.server";
import type { ProgressUpdateInput } from "~/modules/progress/progress-form";
import { computeReportingState, readReportingState } from "~/modules/progress/reporting-state.server";
import { storedSnapshot, writeSnapshot } from "~/modules/proposals/proposal-store.server";
import { snapshotChanges } from "~/modules/proposals/proposal-snapshot";
import { loader as councilLoader } from "../../app/routes/$lang.council._index";
import { useToday } from "../support/clock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { cookieFor } from "../support/sessions";

/**
 * The council dashboard reads each HUB's stored reporting state (migration 120) instead of running
 * every calendar per request. Every kind of write that changes what it shows must leave the stored
 * state equal to the one computed from the data at that moment.
 */
let database: TestDatabase;
let db: Kysely<Database>;
const today = useToday("2026-11-22");
let city: SessionUser;
let council: SessionUser;
let secretariat: SessionUser;
let hub: { id: number; slug: string; outcomeIds: number[] };

async function sessionUser(id: number) {
  return toSessionUser(await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}

/** Stored and computed agree for every HUB of the registry (a public HUB has a row, no other does). */
async function expectStoredEqualsComputed() {
  const ids = (await db.selectFrom("hubs").select("id").execute()).map((row) => row.id);
  const computed = await computeReportingState(db, ids);
  expect(computed.length).toBeGreaterThan(0);
  expect(await readReportingState(db, ids)).toEqual(computed);
}

async function stored(hubId: number) {
  return (await readReportingState(db, [hubId]))[0];
}

function report(intent: "save" | "submit", value: number): ProgressUpdateInput {
  return {
    intent,
    overallStatus: "on_track",
    narrative: "Trees planted along the river.",
    outcomes: [
      { outcomeId: hub.outcomeIds[0], kind: "numeric", value },
      { outcomeId: hub.outcomeIds[1], kind: "milestone", milestoneReached: "yes" },
    ],
    activities: [],
    evidence: [],
  };
}

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: today });
  db = database.db;
  const byEmail = async (email: string) => sessionUser((await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id);
  council = await byEmail("council@demo.l4a.test");
  secretariat = await byEmail("secretariat@demo.l4a.test");
  const cityRow = await createUser(db, { role: "city" });
  city = await sessionUser(cityRow.id);
  // Inserted directly, as a fixture or an older database would have it: no stored row yet.
  hub = await createHub(db, { organisationId: cityRow.organisation_id!, startDate: "2025-01-01", endDate: "2027-12-31" });
});
afterAll(() => database?.destroy());

describe("the stored reporting state follows every write", () => {
  it("is filled for HUBs that have none when the dashboard is first read", async () => {
    expect(await stored(hub.id)).toBeUndefined();
    const { rows } = await listDashboardRows(db, { today, language: "en" });
    expect(rows.find((row) => row.hubId === hub.id)).toMatchObject({ nextDue: "2025-07-01", overdue: true, overdueCount: 3, lastStatus: null, progress: null });
    await expectStoredEqualsComputed();
  });

  it("follows a city's report from draft to submission", async () => {
    const [calendar] = await listHubCalendars(db, { today, hubIds: [hub.id] });
    const period = calendar.calendar.open[0];
    const updateId = await createUpdate(db, { hub, period, user: city, input: report("save", 10), language: "en" });
    await expectStoredEqualsComputed();
    expect((await stored(hub.id)).nextDueDate).toBe("2025-07-01");

    await saveUpdate(db, { updateId, user: city, input: { ...report("submit", 10), version: 1 } });
    await expectStoredEqualsComputed();
    expect(await stored(hub.id)).toMatchObject({ nextDueDate: "2026-01-01", lastOverallStatus: "on_track", lastFiledOn: today, progress: null });

    await reviewUpdate(db, { updateId, reviewer: council, decision: "clarify", comment: "Which river?", version: 2 });
    await expectStoredEqualsComputed();
    await saveUpdate(db, { updateId, user: city, input: { ...report("submit", 40), version: 3 } });
    await expectStoredEqualsComputed();
    await reviewUpdate(db, { updateId, reviewer: council, decision: "accept", version: 4 });
    await expectStoredEqualsComputed();
    // 40 of 100 trees, and the school open: (0.4 + 1) / 2.
    expect(await stored(hub.id)).toMatchObject({ progress: 0.7, outcomes: 2, outcomesAchieved: 1 });
  });

  it("follows the secretariat's reporting cadence", async () => {
    await setCadence(db, { hubId: hub.id, intervalMonths: 3, version: 0, user: secretariat });
    await expectStoredEqualsComputed();
    expect((await stored(hub.id)).nextDueDate).toBe("2025-04-01");
  });

  it("follows a published change of timeline and of outcomes", async () => {
    const before = await stored(hub.id);
    await db.transaction().execute(async (trx) => {
      const published = await storedSnapshot(trx, hub.id);
      const changed = { ...published, endDate: "2026-06-30" };
      await writeSnapshot(trx, hub.id, changed, snapshotChanges(published, changed));
    });
    await expectStoredEqualsComputed();
    expect((await stored(hub.id)).pendingDueDates).not.toEqual(before.pendingDueDates);

    await db.transaction().execute(async (trx) => {
      const published = await storedSnapshot(trx, hub.id);
      const changed = { ...published, outcomes: published.outcomes.slice(1) };
      await writeSnapshot(trx, hub.id, changed, snapshotChanges(published, changed));
    });
    await expectStoredEqualsComputed();
    expect((await stored(hub.id)).outcomes).toBe(1);
  });

  it("follows a HUB's status: recognised, completed by its final report, withdrawn", async () => {
    const submitted = await createHub(db, { organisationId: city.organisationId!, startDate: "2026-01-01", endDate: "2027-12-31" });
    await db.updateTable("hubs").set({ status: "submitted", recognised_at: null }).where("id", "=", submitted.id).execute();
    expect(await stored(submitted.id)).toBeUndefined();
    await transition(db, secretariat, submitted.id, "recognise", { comment: "Welcome." });
    await expectStoredEqualsComputed();
    expect(await stored(submitted.id)).toBeDefined();

    // A short HUB whose final report is accepted: completed, nothing due.
    const short = await createHub(db, { organisationId: city.organisationId!, startDate: "2025-01-01", endDate: "2025-06-30" });
    const [calendar] = await listHubCalendars(db, { today, hubIds: [short.id] });
    const final = calendar.calendar.open.find((period) => period.kind === "final")!;
    const input: ProgressUpdateInput = {
      ...report("submit", 100),
      outcomes: [
        { outcomeId: short.outcomeIds[0], kind: "numeric", value: 100 },
        { outcomeId: short.outcomeIds[1], kind: "milestone", milestoneReached: "yes" },
      ],
    };
    const updateId = await createUpdate(db, { hub: short, period: final, user: city, input, language: "en" });
    await reviewUpdate(db, { updateId, reviewer: council, decision: "accept", version: 1 });
    await expectStoredEqualsComputed();
    expect(await stored(short.id)).toMatchObject({ nextDueDate: null, pendingDueDates: [], progress: 1, outcomesAchieved: 2 });

    await transition(db, city, hub.id, "withdraw", { comment: "Stopped." });
    await expectStoredEqualsComputed();
    expect(await stored(hub.id)).toBeUndefined();
  });
});

describe("the council dashboard pages, sorts and filters in the database", () => {
  beforeAll(async () => {
    // Enough HUBs for a second page.
    const owner = await createUser(db, { role: "city" });
    for (let index = 0; index < DASHBOARD_PAGE_SIZE; index += 1) {
      await createHub(db, { organisationId: owner.organisation_id!, startDate: "2026-01-01", endDate: "2028-12-31" });
    }
  });

  it("serves one page at a time, with the filters and order in the URL", async () => {
    const cookie = await cookieFor(database, council.id);
    const first = await callRoute(councilLoader, database, { path: "/en/council?sort=city&dir=desc", cookie, params: { lang: "en" } });
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.rows).toHaveLength(DASHBOARD_PAGE_SIZE);
    expect(page1.pageCount).toBe(Math.ceil(page1.matching / DASHBOARD_PAGE_SIZE));
    const second = await (await callRoute(councilLoader, database, { path: "/en/council?sort=city&dir=desc&page=2", cookie, params: { lang: "en" } })).json();
    expect(second.page).toBe(2);
    const all = [...page1.rows, ...second.rows];
    expect(new Set(all.map((row: { hubId: number }) => row.hubId)).size).toBe(all.length);
    const cities = all.map((row: { city: string }) => row.city.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase());
    expect(cities).toEqual([...cities].sort().reverse());

    const overdue = await (await callRoute(councilLoader, database, { path: "/en/council?overdue=1&sort=overdue&dir=desc", cookie, params: { lang: "en" } })).json();
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((row: { overdue: boolean }) => row.overdue)).toBe(true);
    const counts = overdue.rows.map((row: { overdueCount: number }) => row.overdueCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The figures count every overdue HUB, not one page of them.
    const everyOverdue = await listDashboardRows(db, { today, language: "en", filters: { overdue: true, sort: "overdue", dir: "desc" } });
    expect(everyOverdue.rows.slice(0, DASHBOARD_PAGE_SIZE).map((row) => row.overdueCount)).toEqual(counts);
    const figures = await dashboardFigures(db, today);
    expect(figures.overdueHubs).toBe(overdue.matching);
    expect(figures.overdueHubs).toBe(everyOverdue.rows.length);
    expect(figures.overdueReports).toBe(everyOverdue.rows.reduce((sum, row) => sum + row.overdueCount, 0));

    const bogota = await (await callRoute(councilLoader, database, { path: "/en/council?q=BOGOTA", cookie, params: { lang: "en" } })).json();
    expect(bogota.rows.map((row: { slug: string }) => row.slug)).toEqual(["bogota-cycle-network"]);
  });
});

describe("the dashboard's figures, kept once per data version, follow every write", () => {
  it("moves with a HUB inserted directly, a council's cadence and a report, and equals the figures computed now", async () => {
    const kept = () => dashboardFigures(db, today);
    const before = await kept();
    expect(before).toEqual(await computeDashboardFigures(db, today));

    // A fixture's insert, with no stored reporting state yet: counted, and its row filled.
    const owner = await createUser(db, { role: "city" });
    const added = await createHub(db, { organisationId: owner.organisation_id!, startDate: "2025-01-01", endDate: "2027-12-31" });
    const afterInsert = await kept();
    expect(afterInsert.byStatus.active).toBe(before.byStatus.active + 1);
    expect(afterInsert.overdueHubs).toBe(before.overdueHubs + 1);
    expect(afterInsert).toEqual(await computeDashboardFigures(db, today));

    // The cadence writes only the schedule and the stored state: every three months, more periods are overdue.
    await setCadence(db, { hubId: added.id, intervalMonths: 3, version: 0, user: secretariat });
    const afterCadence = await kept();
    expect(afterCadence.overdueReports).toBeGreaterThan(afterInsert.overdueReports);
    expect(afterCadence).toEqual(await computeDashboardFigures(db, today));

    // A report filed and accepted: one period fewer overdue, and both outcomes achieved.
    const [calendar] = await listHubCalendars(db, { today, hubIds: [added.id] });
    const input: ProgressUpdateInput = {
      ...report("submit", 100),
      outcomes: [
        { outcomeId: added.outcomeIds[0], kind: "numeric", value: 100 },
        { outcomeId: added.outcomeIds[1], kind: "milestone", milestoneReached: "yes" },
      ],
    };
    const updateId = await createUpdate(db, { hub: added, period: calendar.calendar.open[0], user: await sessionUser(owner.id), input, language: "en" });
    await reviewUpdate(db, { updateId, reviewer: council, decision: "accept", version: 1 });
    const afterReport = await kept();
    expect(afterReport.overdueReports).toBe(afterCadence.overdueReports - 1);
    expect(afterReport.outcomesAchieved).toBe(afterCadence.outcomesAchieved + 2);
    expect(afterReport).toEqual(await computeDashboardFigures(db, today));
  });
});
