import { generateTOTP } from "@epic-web/totp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptLogin } from "~/modules/accounts/login.server";
import { hashPassword } from "~/modules/accounts/password.server";
import { requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { STEP_UP_FIELD } from "~/modules/accounts/two-factor";
import { beginEnrolment, confirmEnrolment } from "~/modules/accounts/two-factor.server";
import { action as accountAction, loader as accountLoader } from "~/routes/$lang.admin.accounts.$userId";
import { loader as listLoader } from "~/routes/$lang.admin.accounts._index";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute, contextFor, requestFor } from "../support/routes";
import { cookieFor } from "../support/sessions";

/**
 * The secretariat's account tools (issue 10): the list shows last sign-in and two-step state; disabling
 * ends the sessions and blocks sign-in and password reset; a staff role change is audited; disabling and
 * a role change ask for a fresh code when the secretariat's last one is more than 15 minutes old.
 */
let database: TestDatabase;
let secretariat: { id: number; cookie: string };
const PASSWORD = "harbour-lantern-river-2030";

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUser(database.db, { role: "secretariat" });
  secretariat = { id: user.id, cookie: await cookieFor(database, user.id) };
});
afterAll(() => database?.destroy());

async function staffWithPassword(role: "council" | "secretariat" | "city") {
  const user = await createUser(database.db, { role });
  await database.db.updateTable("users").set({ password_hash: await hashPassword(PASSWORD) }).where("id", "=", user.id).execute();
  return user;
}
const post = (userId: number, body: Record<string, string>, cookie = secretariat.cookie) =>
  callRoute(accountAction, database, { path: `/en/admin/accounts/${userId}`, params: { lang: "en", userId: String(userId) }, cookie, body });

describe("the account list", () => {
  it("shows each account's role, last sign-in and two-step state, and finds by name or e-mail", async () => {
    const council = await staffWithPassword("council");
    await attemptLogin(database.db, { email: council.email, password: PASSWORD, ip: "198.51.100.1", userAgent: null });
    const response = await callRoute(listLoader, database, { path: `/en/admin/accounts?q=${encodeURIComponent(council.email.toUpperCase())}`, params: { lang: "en" }, cookie: secretariat.cookie });
    const { accounts } = (await response.json()) as { accounts: { id: number; role: string; lastLogin: string | null; twoFactorOn: boolean; disabled: boolean }[] };
    expect(accounts).toEqual([expect.objectContaining({ id: council.id, role: "council", twoFactorOn: false, disabled: false })]);
    expect(accounts[0].lastLogin).toMatch(/UTC$/);
    const detail = (await (await callRoute(accountLoader, database, { path: `/en/admin/accounts/${council.id}`, params: { lang: "en", userId: String(council.id) }, cookie: secretariat.cookie })).json()) as {
      account: { lastLogin: string | null };
    };
    expect(detail.account.lastLogin).toBe(accounts[0].lastLogin);
    expect((await callRoute(accountLoader, database, { path: "/en/admin/accounts/999999", params: { lang: "en", userId: "999999" }, cookie: secretariat.cookie })).status).toBe(404);
  });
});

describe("disabling an account", () => {
  it("ends its sessions and blocks sign-in and password reset until it is enabled again", async () => {
    const council = await staffWithPassword("council");
    const cookie = await cookieFor(database, council.id);
    const response = await post(council.id, { intent: "disable" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/en/admin/accounts/${council.id}?done=disable`);
    expect(await getSessionUser(contextFor(database), requestFor({ path: "/en", cookie }))).toBeNull();
    expect(await database.db.selectFrom("sessions").select("token_hash").where("user_id", "=", council.id).execute()).toEqual([]);
    expect((await attemptLogin(database.db, { email: council.email, password: PASSWORD, ip: "198.51.100.2", userAgent: null })).ok).toBe(false);
    await requestPasswordReset(database.db, council.email, "http://localhost");
    expect(await database.db.selectFrom("password_reset_tokens").select("id").where("user_id", "=", council.id).execute()).toEqual([]);

    expect((await post(council.id, { intent: "enable" })).status).toBe(302);
    expect((await attemptLogin(database.db, { email: council.email, password: PASSWORD, ip: "198.51.100.3", userAgent: null })).ok).toBe(true);
    const audit = await database.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("entity", "=", "user").where("entity_id", "=", council.id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: "account_disabled", actor_user_id: secretariat.id }, { action: "account_enabled", actor_user_id: secretariat.id }]));
  });

  it("refuses one's own account", async () => {
    const response = await post(secretariat.id, { intent: "disable" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: string }).error).toBe("admin:accounts.errors.self");
  });
});

describe("changing a role", () => {
  it("moves a council account to the secretariat, audited with both roles; a city account is not a staff role", async () => {
    const council = await staffWithPassword("council");
    expect((await post(council.id, { intent: "changeRole", role: "secretariat" })).status).toBe(302);
    expect((await database.db.selectFrom("users").select("role").where("id", "=", council.id).executeTakeFirstOrThrow()).role).toBe("secretariat");
    const audit = await database.db.selectFrom("audit_log").select(["from_status", "to_status", "actor_user_id"]).where("action", "=", "role_changed").where("entity_id", "=", council.id).execute();
    expect(audit).toEqual([{ from_status: "council", to_status: "secretariat", actor_user_id: secretariat.id }]);
    const city = await staffWithPassword("city");
    expect(((await (await post(city.id, { intent: "changeRole", role: "council" })).json()) as { error: string }).error).toBe("admin:accounts.errors.notStaff");
    expect((await post(council.id, { intent: "changeRole", role: "chief" })).status).toBe(400);
  });
});

describe("step-up", () => {
  it("asks a secretariat with two-step sign-in for a fresh code before disabling or changing a role, not before enabling", async () => {
    const admin = await createUser(database.db, { role: "secretariat" });
    const secret = await beginEnrolment(database.db, admin.id);
    await confirmEnrolment(database.db, admin.id, (await generateTOTP({ secret })).otp);
    // A session whose last code is 20 minutes old.
    const cookie = await cookieFor(database, admin.id);
    await database.db.updateTable("sessions").set({ two_factor_at: new Date(Date.now() - 20 * 60_000) }).where("user_id", "=", admin.id).execute();
    const council = await staffWithPassword("council");

    const page = (await (await callRoute(accountLoader, database, { path: `/en/admin/accounts/${council.id}`, params: { lang: "en", userId: String(council.id) }, cookie })).json()) as { stepUpNeeded: boolean };
    expect(page.stepUpNeeded).toBe(true);
    const refused = await post(council.id, { intent: "disable" }, cookie);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("accounts:stepUp.required");
    expect(((await (await post(council.id, { intent: "changeRole", role: "secretariat" }, cookie)).json()) as { error: string }).error).toBe("accounts:stepUp.required");
    expect((await database.db.selectFrom("users").select("disabled_at").where("id", "=", council.id).executeTakeFirstOrThrow()).disabled_at).toBeNull();

    await database.db.updateTable("users").set({ totp_last_step: null }).where("id", "=", admin.id).execute();
    const withCode = await post(council.id, { intent: "disable", [STEP_UP_FIELD]: (await generateTOTP({ secret })).otp }, cookie);
    expect(withCode.status).toBe(302);
    // The fresh code counts for the next 15 minutes; enabling never asks.
    expect((await post(council.id, { intent: "enable" }, cookie)).status).toBe(302);
    expect((await post(council.id, { intent: "changeRole", role: "secretariat" }, cookie)).status).toBe(302);
  });
});
