import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/session.server";
import { parseEnv } from "~/modules/config/env.server";
import { listHubCalendars } from "~/modules/progress/progress.server";
import { runReportReminders } from "~/modules/progress/notifications.server";
import { action as cadenceAction, loader as cadenceLoader } from "../../app/routes/$lang.council.hubs.$hubId.cadence";
import { action as notificationsAction, loader as notificationsLoader } from "../../app/routes/$lang.notifications";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";

let database: TestDatabase;
const env = parseEnv({});
const context = () => ({ db: database.db, dbKind: database.kind, env });

async function cookieFor(userId: number) {
  return (await createSession(context() as never, userId, new Request("http://localhost/"))).split(";")[0];
}
async function call(fn: (args: never) => Promise<unknown>, url: string, params: Record<string, string>, cookie: string, body?: Record<string, string>) {
  const data = body ? new FormData() : undefined;
  for (const [key, value] of Object.entries(body ?? {})) data!.append(key, value);
  try {
    return (await fn({ request: new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: data, headers: { Cookie: cookie } }), params, context: context() } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let hubId: number;
let city: { id: number; organisation_id: number | null };
let secretariat: { id: number };
beforeAll(async () => {
  database = await createTestDatabase();
  city = await createUser(database.db, { role: "city", language: "es" });
  secretariat = await createUser(database.db, { role: "secretariat" });
  hubId = (await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2026-01-01", endDate: "2027-06-30" })).id;
});
afterAll(() => database?.destroy());

describe("the reporting cadence", () => {
  it("is set by the secretariat only, changes the calendar, and a stale form is a conflict", async () => {
    const url = `/en/council/hubs/${hubId}/cadence`;
    const params = { lang: "en", hubId: String(hubId) };
    const secretariatCookie = await cookieFor(secretariat.id);
    expect((await call(cadenceLoader, url, params, await cookieFor(city.id))).status).toBe(403);
    expect((await call(cadenceLoader, `/en/council/hubs/999999/cadence`, { lang: "en", hubId: "999999" }, secretariatCookie)).status).toBe(404);
    const invalid = await call(cadenceAction, url, params, secretariatCookie, { version: "0", intervalMonths: "13" });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: Record<string, string[]> }).error.intervalMonths).toEqual(['validation:tooBig|{"max":12}']);
    expect((await call(cadenceAction, url, params, secretariatCookie, { version: "0", intervalMonths: "3" })).status).toBe(302);
    expect((await call(cadenceAction, url, params, secretariatCookie, { version: "0", intervalMonths: "4" })).status).toBe(409);
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
    const cookie = await cookieFor(city.id);
    const page = await call(notificationsLoader, "/es/notifications", { lang: "es" }, cookie);
    const data = (await page.json()) as { notifications: { kind: string; read: boolean }[] };
    expect(data.notifications.map((row) => [row.kind, row.read])).toEqual([["report_due_soon", false]]);
    const other = await call(notificationsLoader, "/es/notifications", { lang: "es" }, await cookieFor(secretariat.id));
    expect(((await other.json()) as { notifications: unknown[] }).notifications).toEqual([]);
    expect((await call(notificationsAction, "/es/notifications", { lang: "es" }, cookie, { intent: "read" })).status).toBe(302);
    const after = (await (await call(notificationsLoader, "/es/notifications", { lang: "es" }, cookie)).json()) as { notifications: { read: boolean }[] };
    expect(after.notifications.every((row) => row.read)).toBe(true);
  });
});
