import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/index";
import { notifyOnce, runReportReminders } from "~/modules/progress/notifications.server";
import { createTestDatabase, engine, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";

let database: TestDatabase;
let cityUserId: number;
let hubId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const city = await createUser(database.db, { role: "city", language: "fr" });
  cityUserId = city.id;
  // Progress reports due 2026-07-01 and 2027-01-01; final report due 2027-08-29.
  hubId = (await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2026-01-01", endDate: "2027-06-30" })).id;
});
afterAll(() => database?.destroy());

async function notificationsOf(kind?: string) {
  let query = database.db.selectFrom("notifications").select(["kind", "due_date", "user_id", "hub_id"]).where("user_id", "=", cityUserId);
  if (kind) query = query.where("kind", "=", kind);
  return query.orderBy("id").execute();
}
async function mailsTo(kind: string) {
  return database.db.selectFrom("outbox").select(["subject", "language", "to_address"]).where("kind", "=", kind).orderBy("id").execute();
}

describe("the report reminder job (fixed dates)", () => {
  it("sends nothing while no report is within 30 days", async () => {
    expect(await runReportReminders(database.db, { today: "2026-05-31" })).toEqual({ ran: true, sent: 0 });
    expect(await notificationsOf()).toEqual([]);
  });

  it("reminds the city once when a report is due in 30 days, in its language, in the app and by e-mail", async () => {
    expect((await runReportReminders(database.db, { today: "2026-06-10" })).sent).toBe(1);
    expect((await runReportReminders(database.db, { today: "2026-06-11" })).sent).toBe(0);
    expect(await notificationsOf("report_due_soon")).toEqual([{ kind: "report_due_soon", due_date: "2026-07-01", user_id: cityUserId, hub_id: hubId }]);
    const mails = await mailsTo("report_due_soon");
    expect(mails).toHaveLength(1);
    expect(mails[0].language).toBe("fr");
    expect(mails[0].subject).toContain("Rapport dû le 1 juillet 2026");
  });

  it("reminds on the due date, then once when overdue", async () => {
    expect((await runReportReminders(database.db, { today: "2026-07-01" })).sent).toBe(1);
    expect(await notificationsOf("report_due_today")).toHaveLength(1);
    expect((await runReportReminders(database.db, { today: "2026-07-02" })).sent).toBe(1);
    expect((await runReportReminders(database.db, { today: "2026-07-15" })).sent).toBe(0);
    expect(await notificationsOf("report_overdue")).toEqual([{ kind: "report_overdue", due_date: "2026-07-01", user_id: cityUserId, hub_id: hubId }]);
    expect(await mailsTo("report_overdue")).toHaveLength(1);
  });

  it("sends a reminder once even when two workers run at the same moment", async () => {
    const results = await Promise.all([
      runReportReminders(database.db, { today: "2026-12-05" }),
      runReportReminders(database.db, { today: "2026-12-05" }),
    ]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect((await notificationsOf("report_due_soon")).map((row) => row.due_date)).toEqual(["2026-07-01", "2027-01-01"]);
    expect(await mailsTo("report_due_soon")).toHaveLength(2);
  });

  it("reminds about the final report, due 60 days after the end date", async () => {
    // The progress report of 2027-01-01 was never filed: it is overdue too.
    await runReportReminders(database.db, { today: "2027-08-29" });
    const finalDue = await notificationsOf("report_due_today");
    expect(finalDue.map((row) => row.due_date)).toContain("2027-08-29");
    const overdue = await notificationsOf("report_overdue");
    expect(overdue.map((row) => row.due_date)).toEqual(["2026-07-01", "2027-01-01"]);
  });
});

describe.runIf(engine === "postgres")("the report reminder job on PostgreSQL", () => {
  it("sends a reminder once with two app processes (two connection pools) on the same database", async () => {
    const user = await createUser(database.db, { role: "city", language: "es" });
    const hub = await createHub(database.db, { organisationId: user.organisation_id!, startDate: "2030-01-01", endDate: "2031-06-30" });
    const other = await openDatabase({ databaseUrl: database.url!, poolSize: 2 });
    const third = await openDatabase({ databaseUrl: database.url!, poolSize: 2 });
    const countAll = async () => Number((await database.db.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await countAll();
    try {
      const results = await Promise.all([
        runReportReminders(other.db, { today: "2030-07-01" }),
        runReportReminders(third.db, { today: "2030-07-01" }),
        runReportReminders(database.db, { today: "2030-07-01" }),
        runReportReminders(other.db, { today: "2030-07-01" }),
      ]);
      // Whichever worker ran, each reminder exists once (this HUB's, and the other fixture HUB's overdue ones).
      expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe((await countAll()) - before);
      const rows = await database.db.selectFrom("notifications").select(["kind", "due_date"]).where("hub_id", "=", hub.id).execute();
      expect(rows).toEqual([{ kind: "report_due_today", due_date: "2030-07-01" }]);
      expect(await database.db.selectFrom("outbox").select("id").where("to_address", "=", user.email).execute()).toHaveLength(1);
    } finally {
      await other.close();
      await third.close();
    }
  });

  it("records a notification once even when two transactions insert it at the same moment (without the job's lock)", async () => {
    const user = await createUser(database.db, { role: "city", language: "en" });
    const hub = await createHub(database.db, { organisationId: user.organisation_id!, startDate: "2030-01-01", endDate: "2031-06-30" });
    const other = await openDatabase({ databaseUrl: database.url!, poolSize: 2 });
    try {
      const recipient = { id: user.id, email: user.email, preferred_language: "en" as const };
      const send = (db: typeof database.db) =>
        db.transaction().execute((trx) => notifyOnce(trx, recipient, { kind: "report_overdue", hubId: hub.id, dueDate: "2030-07-01", key: `race:${hub.id}` }));
      const outcomes = await Promise.all([send(database.db), send(other.db), send(database.db)]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await database.db.selectFrom("outbox").select("id").where("to_address", "=", user.email).execute()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
