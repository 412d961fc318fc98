import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as outboxLoader } from "~/routes/$lang.admin.outbox";
import { loader as exportLoader } from "~/routes/$lang.council.export";
import { action as loginAction } from "~/routes/$lang.login";
import { action as acceptAction } from "~/routes/$lang.invitations.$token";
import { createInvitation } from "~/modules/accounts/invitations.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { AUDIT_REFUSALS_RULE } from "~/modules/http/rate-limit.server";
import { DEMO_PASSWORD } from "../support/accounts";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { loginAs, loginAsDemo } from "../support/sessions";

// Security review, finding 14: the audit log is append-only, outlives HUBs, says where a request
// came from, and records log-ins, refusals and exports.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0";

function auditRows(where: { action: string; entityId?: number; actorUserId?: number }) {
  let query = database.db.selectFrom("audit_log").selectAll().where("action", "=", where.action);
  if (where.entityId !== undefined) query = query.where("entity_id", "=", where.entityId);
  if (where.actorUserId !== undefined) query = query.where("actor_user_id", "=", where.actorUserId);
  return query.orderBy("id").execute();
}

describe("the audit log at the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, even from the app's own connection", async () => {
    await recordAudit(database.db, { entity: "hub", entityId: 1, actorUserId: null, action: "tamper-test" });
    const [row] = await auditRows({ action: "tamper-test" });
    await expect(sql`update audit_log set comment = 'rewritten' where id = ${row.id}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await auditRows({ action: "tamper-test" })).toEqual([row]);
  });

  it("keeps a HUB's history when the HUB is deleted", async () => {
    const city = await loginAs(database, "city");
    const hub = await createHub(database.db, { organisationId: city.organisationId!, startDate: "2026-01-01", endDate: "2027-12-31" });
    await recordAudit(database.db, { entity: "hub", entityId: hub.id, hubId: hub.id, actorUserId: city.id, action: "submit", fromStatus: "draft", toStatus: "submitted" });
    await database.db.deleteFrom("hubs").where("id", "=", hub.id).execute();
    const history = await database.db.selectFrom("audit_log").selectAll().where("hub_id", "=", hub.id).execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ hub_id: hub.id, entity: "hub", to_status: "submitted" });
  });
});

describe("what is audited", () => {
  const login = (email: string, password: string, ip: string) =>
    callRoute(loginAction, database, { path: "/en/login", body: { email, password }, params: { lang: "en" }, clientIp: ip, headers: { "User-Agent": BROWSER } });

  it("a successful log-in, with the client's IP and user agent", async () => {
    const response = await login("council@demo.l4a.test", DEMO_PASSWORD, "192.0.2.41");
    expect(response.status).toBe(302);
    const council = await database.db.selectFrom("users").select("id").where("email", "=", "council@demo.l4a.test").executeTakeFirstOrThrow();
    const rows = await auditRows({ action: "login", entityId: council.id });
    expect(rows.at(-1)).toMatchObject({ entity: "user", actor_user_id: council.id, ip: "192.0.2.41", user_agent: BROWSER });
  });

  it("a failed log-in, to an existing account or to an unknown address", async () => {
    expect((await login("city@demo.l4a.test", "not-the-password", "192.0.2.42")).status).toBe(400);
    expect((await login("ghost@example.org", "whatever-it-is", "192.0.2.42")).status).toBe(400);
    const city = await database.db.selectFrom("users").select("id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    const failures = (await auditRows({ action: "login_failed" })).filter((row) => row.ip === "192.0.2.42");
    expect(failures.map((row) => [row.entity_id, row.comment, row.user_agent])).toEqual([
      [city.id, null, BROWSER],
      [null, "ghost@example.org", BROWSER],
    ]);
  });

  it("a signed-in user's refused request (403), at most a few an hour per user so a loop cannot flood the log", async () => {
    const city = await loginAs(database, "city");
    const refused = await callRoute(outboxLoader, database, { path: "/en/admin/outbox", cookie: city.cookie, params: { lang: "en" }, clientIp: "192.0.2.43", headers: { "User-Agent": BROWSER } });
    expect(refused.status).toBe(403);
    const [row] = await auditRows({ action: "refused", actorUserId: city.id });
    expect(row).toMatchObject({ entity: "request", entity_id: null, to_status: "403", comment: "GET /en/admin/outbox (admin:outbox)", ip: "192.0.2.43", user_agent: BROWSER });

    for (let n = 0; n < AUDIT_REFUSALS_RULE.max + 5; n++) {
      expect((await callRoute(outboxLoader, database, { path: "/en/admin/outbox", cookie: city.cookie, params: { lang: "en" } })).status).toBe(403);
    }
    expect(await auditRows({ action: "refused", actorUserId: city.id })).toHaveLength(AUDIT_REFUSALS_RULE.max);
  });

  it("an export of the council's dashboard", async () => {
    const council = await loginAsDemo(database, "council");
    const response = await callRoute(exportLoader, database, { path: "/en/council/export?overdue=1", cookie: council.cookie, params: { lang: "en" }, clientIp: "192.0.2.44", headers: { "User-Agent": BROWSER } });
    expect(response.status).toBe(200);
    const rows = await auditRows({ action: "export_dashboard_csv", actorUserId: council.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "export", ip: "192.0.2.44", user_agent: BROWSER });
    expect(rows[0].comment).toMatch(/^\d+ rows \?overdue=1$/);
  });

  it("a role granted by an accepted invitation, with the IP and user agent of the person accepting", async () => {
    const secretariat = await loginAsDemo(database, "secretariat");
    await createInvitation(database.db, { email: "granted@example.org", role: "council", language: "en", invitedBy: secretariat.id, origin: "http://localhost" });
    const { link_token: token } = await database.db.selectFrom("outbox").select("link_token").where("to_address", "=", "granted@example.org").executeTakeFirstOrThrow();
    const password = "granite-harbour-lantern-61";
    const accepted = await callRoute(acceptAction, database, {
      path: `/en/invitations/${token}`,
      body: { displayName: "Granted Member", password, passwordConfirm: password },
      params: { lang: "en", token: token! },
      clientIp: "192.0.2.45",
      headers: { "User-Agent": BROWSER },
    });
    expect(accepted.status).toBe(302);
    const user = await database.db.selectFrom("users").select("id").where("email", "=", "granted@example.org").executeTakeFirstOrThrow();
    expect((await auditRows({ action: "sign_up", entityId: user.id }))[0]).toMatchObject({ to_status: "council", ip: "192.0.2.45", user_agent: BROWSER });
  });
});
