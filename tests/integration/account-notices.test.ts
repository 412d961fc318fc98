import { generateTOTP } from "@epic-web/totp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptLogin, LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT } from "~/modules/accounts/login.server";
import { verifyOrganisation } from "~/modules/accounts/organisations.server";
import { hashPassword } from "~/modules/accounts/password.server";
import { changePassword } from "~/modules/accounts/users.server";
import { toSessionUser } from "~/modules/accounts/session.server";
import { transition } from "~/modules/hubs/lifecycle.server";
import { listNotifications } from "~/modules/progress/notifications.server";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/$lang.account_.two-factor";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub, createUser } from "../support/progress-fixtures";
import { callRoute, contextFor, requestFor } from "../support/routes";
import { cookieFor } from "../support/sessions";

/**
 * Account notices (issue 10): e-mails through the outbox in the account's language when it is locked
 * (with the time it opens again), its password changes, two-step sign-in goes on or off; and, also
 * in-app, when the secretariat verifies the organisation or recognises its HUB.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const PASSWORD = "lantern-harbour-river-2030";
const outboxOf = (email: string) => database.db.selectFrom("outbox").select(["kind", "subject", "body_text", "language"]).where("to_address", "=", email).orderBy("id").execute();

async function userWithPassword(role: "city" | "council" | "secretariat", language: "en" | "es" | "fr", organisationId?: number) {
  const user = await createUser(database.db, { role, language, organisationId });
  await database.db.updateTable("users").set({ password_hash: await hashPassword(PASSWORD) }).where("id", "=", user.id).execute();
  return user;
}

describe("security notices by e-mail", () => {
  it("tells the owner, in Spanish, once, that the account is locked and until when", async () => {
    const user = await userWithPassword("city", "es");
    const start = new Date(Date.UTC(2031, 4, 6, 10, 0, 0));
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 2; i++) {
      await attemptLogin(database.db, { email: user.email, password: `wrong-${i}`, ip: `198.51.100.${i + 1}`, userAgent: null }, new Date(start.getTime() + i * 60_000));
    }
    const mail = await outboxOf(user.email);
    expect(mail.map((message) => [message.kind, message.language])).toEqual([["account_locked", "es"]]);
    expect(mail[0].subject).toBe("Su cuenta está bloqueada por un tiempo");
    // The first failure was at 10:00 UTC: the lock lifts 15 minutes later.
    const unlock = new Date(start.getTime() + LOGIN_WINDOW_MS);
    expect(unlock.toISOString()).toBe("2031-05-06T10:15:00.000Z");
    expect(mail[0].body_text).toContain("10:15 UTC");
    expect(mail[0].body_text).toContain("6 de mayo de 2031");
  });

  it("says the password changed, in French", async () => {
    const user = await userWithPassword("council", "fr");
    await changePassword(contextFor(database), requestFor({ path: "/fr/account" }), user.id, "another-long-password-2031");
    const mail = await outboxOf(user.email);
    expect(mail.map((message) => [message.kind, message.subject])).toEqual([["account_password_changed", "Votre mot de passe a été changé"]]);
  });

  it("says two-step sign-in went on, then off", async () => {
    const user = await userWithPassword("council", "en");
    const cookie = await cookieFor(database, user.id);
    const page = (await (await callRoute(twoFactorLoader, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie })).json()) as { enrolment: { secret: string } };
    const code = (await generateTOTP({ secret: page.enrolment.secret })).otp;
    expect((await callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, body: { intent: "enrol", code } })).status).toBe(200);
    // A new set of recovery codes (with the app's code: the same step, so the replay guard is reset as the next step would),
    // then off with one of them.
    await database.db.updateTable("users").set({ totp_last_step: null }).where("id", "=", user.id).execute();
    const fresh = (await (
      await callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, body: { intent: "regenerate", code } })
    ).json()) as { recoveryCodes: string[] };
    expect((await callRoute(twoFactorAction, database, { path: "/en/account/two-factor", params: { lang: "en" }, cookie, body: { intent: "disable", code: fresh.recoveryCodes[0] } })).status).toBe(200);
    const mail = await outboxOf(user.email);
    expect(mail.map((message) => [message.kind, message.subject])).toEqual([
      ["account_two_factor_on", "Two-step sign-in is on"],
      ["account_two_factor_off", "Two-step sign-in is off"],
    ]);
  });
});

describe("organisation and HUB notices, by e-mail and in-app", () => {
  it("tells the organisation's representatives, each in their language, that it is verified; once", async () => {
    const organisation = await database.db
      .insertInto("organisations")
      .values({ name: "Commune de Rivière-Claire", kind: "local_government", country_code: "SN", region: "africa", city: "Thiès", latitude: 14.79, longitude: -16.93 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const french = await userWithPassword("city", "fr", organisation.id);
    const english = await userWithPassword("city", "en", organisation.id);
    const secretariat = await createUser(database.db, { role: "secretariat" });
    expect(await verifyOrganisation(database.db, organisation.id, secretariat.id)).toBe(true);
    expect(await verifyOrganisation(database.db, organisation.id, secretariat.id)).toBe(false);
    expect((await outboxOf(french.email)).map((message) => message.subject)).toEqual(["Commune de Rivière-Claire est vérifiée"]);
    expect((await outboxOf(english.email)).map((message) => message.subject)).toEqual(["Commune de Rivière-Claire is verified"]);
    const inApp = await listNotifications(database.db, french.id, "fr");
    expect(inApp.map((row) => row.kind)).toEqual(["organisation_verified"]);
  });

  it("tells the city in-app, besides the e-mail, that its HUB is recognised", async () => {
    const city = await userWithPassword("city", "es");
    const hub = await createHub(database.db, { organisationId: city.organisation_id!, startDate: "2031-01-01", endDate: "2034-12-31", language: "es" });
    await database.db.updateTable("hubs").set({ status: "submitted", recognised_at: null }).where("id", "=", hub.id).execute();
    const secretariat = await database.db.selectFrom("users").selectAll().where("id", "=", (await createUser(database.db, { role: "secretariat" })).id).executeTakeFirstOrThrow();
    await transition(database.db, toSessionUser(secretariat), hub.id, "recognise", { comment: "Bienvenidos." });
    const inApp = await listNotifications(database.db, city.id, "es");
    expect(inApp.map((row) => [row.kind, row.hub_id])).toEqual([["hub_recognised", hub.id]]);
    expect((await outboxOf(city.email)).map((message) => message.kind)).toEqual(["hub_recognise"]);
  });
});
