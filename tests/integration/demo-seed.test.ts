import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasAnyHub, seedDemoWhenEmpty } from "~/modules/demo/seed.server";
import { DEMO_OVERDUE_HUB, DEMO_PENDING_REVIEW_HUB } from "~/modules/demo/progress-seed.server";
import { verifyPassword } from "~/modules/accounts/password.server";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { addDays } from "~/modules/progress/calendar";
import { createTestDatabase, engine, type TestDatabase } from "../support/database";
import { featuredOpenCall, listAllCalls } from "~/modules/calls/calls.server";

// A day far from the anchor date of the data (2026-11-22): the demo must look the same on it.
const TODAY = "2031-03-10";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await hasAnyHub(database.db)).toBe(false);
  expect(await seedDemoWhenEmpty(database.db, { today: TODAY })).toBe(true);
}, 60_000);
afterAll(async () => {
  await database?.destroy();
});

describe(`the demo seed on ${engine}, for a fixed day`, () => {
  it("loads once: a second start leaves the registry alone", async () => {
    expect(await seedDemoWhenEmpty(database.db, { today: TODAY })).toBe(false);
    const { count } = await database.db
      .selectFrom("hubs")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "in", ["recognised", "completed"])
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(40);
  });

  it("lets the three demo accounts log in with the password given in the README", async () => {
    const users = await database.db.selectFrom("users").select(["email", "password_hash"]).orderBy("email").execute();
    expect(users.map((user) => user.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    for (const user of users) expect(await verifyPassword(user.password_hash!, DEMO_PASSWORD)).toBe(true);
  });

  it("shows an upcoming, running, due, overdue, ended and completed HUB on that day", async () => {
    const hubs = await database.db.selectFrom("hubs").select(["slug", "status", "start_date", "end_date"]).execute();
    expect(hubs.filter((hub) => hub.status === "completed")).toHaveLength(1);
    expect(hubs.some((hub) => hub.status === "recognised" && hub.start_date > TODAY)).toBe(true);
    expect(hubs.some((hub) => hub.status === "recognised" && hub.start_date <= TODAY && hub.end_date >= TODAY)).toBe(true);
    const calendars = await listHubCalendars(database.db, { today: TODAY });
    const bySlug = new Map(calendars.map((calendar) => [calendar.slug, calendar]));
    expect(bySlug.get(DEMO_OVERDUE_HUB)?.calendar.overdue).toHaveLength(1);
    expect(calendars.filter((hub) => hub.slug !== DEMO_OVERDUE_HUB && hub.calendar.overdue.length > 0)).toEqual([]);
    expect(calendars.some((hub) => hub.endDate < TODAY && hub.calendar.next?.kind === "final" && hub.calendar.next.state !== "overdue")).toBe(true);
    expect(calendars.some((hub) => hub.endDate >= TODAY && (hub.calendar.next?.state === "due_soon" || hub.calendar.next?.state === "due_today"))).toBe(true);
    const pending = await database.db
      .selectFrom("progress_updates as p")
      .innerJoin("hubs as h", "h.id", "p.hub_id")
      .select("h.slug")
      .where("p.status", "=", "submitted")
      .where("p.kind", "=", "progress")
      .execute();
    expect(pending.map((row) => row.slug)).toEqual([DEMO_PENDING_REVIEW_HUB]);
  });

  it("has a past call with the demo HUBs, one open call closing in about six weeks with proposals awaiting scores, and a scheduled call", async () => {
    const now = new Date(`${TODAY}T12:00:00Z`);
    const calls = await listAllCalls(database.db, "en", now);
    expect(calls.map((call) => call.state).sort()).toEqual(["closed", "open", "results_published", "scheduled"]);
    const open = calls.find((call) => call.state === "open")!;
    const weeks = (new Date(open.closesAt!).getTime() - now.getTime()) / (7 * 86_400_000);
    expect(weeks).toBeGreaterThan(5.5);
    expect(weeks).toBeLessThan(6.5);
    const past = calls.find((call) => call.state === "results_published")!;
    const answering = await database.db.selectFrom("hubs").select(["call_id", "status"]).execute();
    expect(answering.filter((hub) => hub.call_id === past.id)).toHaveLength(40);
    expect(answering.filter((hub) => hub.call_id === open.id).map((hub) => hub.status)).toEqual(["submitted", "submitted", "submitted"]);
    expect(await featuredOpenCall(database.db, "en", now)).toMatchObject({ slug: open.slug });
  });

  it("dates nothing after that day", async () => {
    const end = new Date(`${addDays(TODAY, 1)}T00:00:00Z`);
    const { rows } = await sql<{ latest: Date | string }>`
      select greatest(
        (select max(recognised_at) from hubs), (select max(completed_at) from hubs), (select max(updated_at) from hubs),
        (select max(submitted_at) from progress_updates), (select max(accepted_at) from progress_updates),
        (select max(created_at) from progress_updates), (select max(at) from audit_log)
      ) as latest`.execute(database.db);
    expect(new Date(rows[0].latest).getTime()).toBeLessThan(end.getTime());
  });
});
