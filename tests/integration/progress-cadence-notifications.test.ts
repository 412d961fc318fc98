import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { runReportReminders } from "~/modules/progress/notifications.server";
import { action as cadenceAction, loader as cadenceLoader } from "../../app/routes/$lang.council.hubs.$hubId.cadence";
import { action as notificationsAction, loader as notificationsLoader } from "../../app/routes/$lang.notifications";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

let database: TestDatabase;
let hubId: number;
let city: SignedInUser;
let secretariat: SignedInUser;
beforeAll(async () => {
  database = await createTestDatabase();
  city = await loginAs(database, "city", { language: "es" });
  secretariat = await loginAs(database, "secretariat");
  hubId = (await createHub(database.db, { organisationId: city.organisationId!, startDate: "2026-01-01", endDate: "2027-06-30" })).id;
});
afterAll(() => database?.destroy());

describe("the reporting cadence", () => {
  it("is set by the secretariat only, changes the calendar, and a stale form is a conflict", async () => {
    const url = `/en/council/hubs/${hubId}/cadence`;
    const params = { lang: "en", hubId: String(hubId) };
    const secretariatCookie = secretariat.cookie;
    expect((await callRoute(cadenceLoader, database, { path: url, params, cookie: city.cookie })).status).toBe(403);
    expect((await callRoute(cadenceLoader, database, { path: `/en/council/hubs/999999/cadence`, params: { lang: "en", hubId: "999999" }, cookie: secretariatCookie })).status).toBe(404);
    const invalid = await callRoute(cadenceAction, database, { path: url, params, cookie: secretariatCookie, body: { version: "0", intervalMonths: "13" } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: Record<string, string[]> }).error.intervalMonths).toEqual(['validation:tooBig|{"max":12}']);
    expect((await callRoute(cadenceAction, database, { path: url, params, cookie: secretariatCookie, body: { version: "0", intervalMonths: "3" } })).status).toBe(302);
    expect((await callRoute(cadenceAction, database, { path: url, params, cookie: secretariatCookie, body: { version: "0", intervalMonths: "4" } })).status).toBe(409);
    const [calendar] = await listHubCalendars(database.db, { today: "2026-02-01", hubIds: [hubId] });
    expect(calendar.intervalMonths).toBe(3);
    expect(calendar.calendar.next?.dueDate).toBe("2026-04-01");
    const audit = await database.db.selectFrom("audit_log").select(["action", "comment"]).where("entity", "=", "hub").where("entity_id", "=", hubId).execute();
    expect(audit).toEqual([{ action: "set_report_cadence", comment: "3" }]);
  });
});

describe("in-app notifications", () => {
  it("lists the signed-in user's own notifications and marks them read", async () => {
    await runReportReminders(database.db, { today: "2026-03-20" });
    const cookie = city.cookie;
    const page = await callRoute(notificationsLoader, database, { path: "/es/notifications", params: { lang: "es" }, cookie: cookie });
    const data = (await page.json()) as { notifications: { kind: string; read: boolean }[] };
    expect(data.notifications.map((row) => [row.kind, row.read])).toEqual([["report_due_soon", false]]);
    const other = await callRoute(notificationsLoader, database, { path: "/es/notifications", params: { lang: "es" }, cookie: secretariat.cookie });
    expect(((await other.json()) as { notifications: unknown[] }).notifications).toEqual([]);
    expect((await callRoute(notificationsAction, database, { path: "/es/notifications", params: { lang: "es" }, cookie: cookie, body: { intent: "read" } })).status).toBe(302);
    const after = (await (await callRoute(notificationsLoader, database, { path: "/es/notifications", params: { lang: "es" }, cookie: cookie })).json()) as { notifications: { read: boolean }[] };
    expect(after.notifications.every((row) => row.read)).toBe(true);
  });
});
