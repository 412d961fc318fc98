import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/$lang.login";
import { action as forgotAction } from "~/routes/$lang.password.forgot";
import { action as resetAction, loader as resetLoader } from "~/routes/$lang.password.reset.$token";
import { action as invitationsAction, loader as invitationsLoader } from "~/routes/$lang.admin.invitations";
import { action as acceptAction, loader as acceptLoader } from "~/routes/$lang.invitations.$token";
import { action as accountAction } from "~/routes/$lang.account";
import { createInvitation, invitationState, INVITATION_LIFETIME_MS } from "~/modules/accounts/invitations.server";
import { requestPasswordReset, resetPassword, resetTokenState, RESET_LIFETIME_MS } from "~/modules/accounts/password-reset.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { listAudit } from "~/modules/audit/audit.server";
import { deliverableText, listOutbox } from "~/modules/mail/mailer.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { DEMO_PASSWORD } from "../support/accounts";
import { callRoute, contextFor, cookieOf, requestFor } from "../support/routes";
import { loginAsDemo } from "../support/sessions";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(() => database?.destroy());

const NEW_PASSWORD = "violet-canyon-lantern-88";
let ipCounter = 1;

async function login(email: string, password: string) {
  return callRoute(loginAction, database, { path: "/en/login", body: { email, password }, params: { lang: "en" }, clientIp: `10.0.0.${ipCounter++}` });
}

/** The latest message to `address` as its recipient gets it (the outbox keeps the link token apart from the body). */
async function latestMailTo(address: string) {
  const message = await database.db
    .selectFrom("outbox")
    .select(["kind", "language", "subject", "body_text", "link_token"])
    .where("to_address", "=", address)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return message && { ...message, body_text: deliverableText(message) };
}

function tokenIn(text: string, path: "password/reset" | "invitations") {
  const match = text.match(new RegExp(`/(en|es|fr)/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return { language: match[1], token: match[2] };
}

describe("password reset", () => {
  it("answers the same whether the account exists or not, and mails a link only to a real account, in its language", async () => {
    const before = (await listOutbox(database.db)).length;
    const unknown = await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: "ghost@example.org" }, params: { lang: "en" } });
    const known = await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: "City@Demo.l4a.test" }, params: { lang: "en" } });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());
    const messages = await listOutbox(database.db);
    expect(messages.length).toBe(before + 1);
    const mail = (await latestMailTo("city@demo.l4a.test"))!;
    expect(mail).toMatchObject({ kind: "password_reset", language: "es", subject: "Elija una contraseña nueva para HUBs Local4Action" });
    expect(tokenIn(mail.body_text, "password/reset").language).toBe("es");
    // Only the hash is stored.
    const { token } = tokenIn(mail.body_text, "password/reset");
    expect(await database.db.selectFrom("password_reset_tokens").select("id").where("token_hash", "=", token).executeTakeFirst()).toBeUndefined();
  });

  it("sets a new password (policy applies), ends every session of the user, and works once", async () => {
    const sessionBefore = (await loginAsDemo(database, "city")).cookie;
    const context = contextFor(database);
    expect(await getSessionUser(context, requestFor({ path: "/es", cookie: sessionBefore }))).not.toBeNull();
    const { token } = tokenIn((await latestMailTo("city@demo.l4a.test"))!.body_text, "password/reset");

    const page = await callRoute(resetLoader, database, { path: `/es/password/reset/${token}`, params: { lang: "es", token } });
    expect(((await page.json()) as { status: string }).status).toBe("valid");

    const weak = await callRoute(resetAction, database, { path: `/es/password/reset/${token}`, body: { password: "password1234", passwordConfirm: "password1234" }, params: { lang: "es", token } });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: Record<string, string[]> }).error.password).toEqual(["accounts:password.common"]);

    const done = await callRoute(resetAction, database, { path: `/es/password/reset/${token}`, body: { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, params: { lang: "es", token } });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/es/login?reset=1");
    expect(await getSessionUser(context, requestFor({ path: "/es", cookie: sessionBefore }))).toBeNull();
    expect((await login("city@demo.l4a.test", DEMO_PASSWORD)).status).toBe(400);
    expect((await login("city@demo.l4a.test", NEW_PASSWORD)).status).toBe(302);

    // Single use.
    const again = await callRoute(resetAction, database, { path: `/es/password/reset/${token}`, body: { password: "another-fine-passphrase", passwordConfirm: "another-fine-passphrase" }, params: { lang: "es", token } });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: Record<string, string[]> }).error[""]).toEqual(["accounts:reset.used"]);
    const usedPage = await callRoute(resetLoader, database, { path: `/es/password/reset/${token}`, params: { lang: "es", token } });
    expect(((await usedPage.json()) as { status: string }).status).toBe("used");
    const user = await database.db.selectFrom("users").select("id").where("email", "=", "city@demo.l4a.test").executeTakeFirstOrThrow();
    expect((await listAudit(database.db, "user", user.id)).map((e) => e.action)).toContain("password_reset");
  });

  it("expires after one hour (the clock is injected)", async () => {
    const requestedAt = new Date("2026-11-20T10:00:00Z");
    await requestPasswordReset(database.db, "council@demo.l4a.test", "https://hubs.example.org", requestedAt);
    const mail = (await latestMailTo("council@demo.l4a.test"))!;
    expect(mail.body_text).toContain("https://hubs.example.org/fr/password/reset/");
    const { token } = tokenIn(mail.body_text, "password/reset");
    expect((await resetTokenState(database.db, token, new Date(requestedAt.getTime() + RESET_LIFETIME_MS - 1000))).status).toBe("valid");
    expect((await resetTokenState(database.db, token, new Date(requestedAt.getTime() + RESET_LIFETIME_MS + 1000))).status).toBe("expired");
    expect((await resetPassword(database.db, token, NEW_PASSWORD, new Date(requestedAt.getTime() + RESET_LIFETIME_MS + 1000))).status).toBe("expired");
    // The route, at the real time (days later), says so too.
    const page = await callRoute(resetLoader, database, { path: `/fr/password/reset/${token}`, params: { lang: "fr", token } });
    expect(((await page.json()) as { status: string }).status).toBe("expired");
    expect((await login("council@demo.l4a.test", DEMO_PASSWORD)).status).toBe(302);
    expect((await resetTokenState(database.db, "not-a-token")).status).toBe("unknown");
  });
});

describe("invitations", () => {
  let secretariatCookie: string;
  beforeAll(async () => {
    secretariatCookie = (await loginAsDemo(database, "secretariat")).cookie;
  });

  async function invite(values: Record<string, string>) {
    return callRoute(invitationsAction, database, { path: "/en/admin/invitations", body: values, cookie: secretariatCookie, params: { lang: "en" } });
  }

  it("the secretariat invites a council member: a single-use link, in the chosen language, creates a council account and logs it in", async () => {
    const response = await invite({ email: "Conseil@Example.org", role: "council", language: "fr" });
    expect(response.status).toBe(200);
    const mail = (await latestMailTo("conseil@example.org")) ?? (await latestMailTo("Conseil@Example.org"));
    expect(mail).toMatchObject({ kind: "invitation", language: "fr", subject: "Votre invitation au registre des HUBs Local4Action" });
    expect(mail!.body_text).toContain("Conseil consultatif");
    const { token, language } = tokenIn(mail!.body_text, "invitations");
    expect(language).toBe("fr");

    const context = contextFor(database);
    const list = await callRoute(invitationsLoader, database, { path: "/en/admin/invitations", cookie: secretariatCookie, params: { lang: "en" } });
    const listed = ((await list.json()) as { invitations: { email: string; status: string; role: string }[] }).invitations;
    expect(listed.find((i) => i.email === "conseil@example.org")).toMatchObject({ status: "pending", role: "council" });

    const page = await callRoute(acceptLoader, database, { path: `/fr/invitations/${token}`, params: { lang: "fr", token } });
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ status: "valid", invitation: { email: "conseil@example.org", role: "council" } });

    const weak = await callRoute(acceptAction, database, { path: `/fr/invitations/${token}`, body: { displayName: "Claire", password: "short", passwordConfirm: "short" }, params: { lang: "fr", token } });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: Record<string, string[]>; initialValue: Record<string, string> }).initialValue.displayName).toBe("Claire");

    const accepted = await callRoute(acceptAction, database, { path: `/fr/invitations/${token}`, body: { displayName: "Claire Martin", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, params: { lang: "fr", token } });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/fr/account?welcome=1");
    const user = await getSessionUser(context, requestFor({ path: "/fr/account", cookie: cookieOf(accepted) }));
    expect(user).toMatchObject({ email: "conseil@example.org", displayName: "Claire Martin", role: "council", organisationId: null, preferredLanguage: "fr" });

    // Used: a clear page, and no second account.
    const usedPage = await callRoute(acceptLoader, database, { path: `/fr/invitations/${token}`, params: { lang: "fr", token } });
    expect(usedPage.status).toBe(410);
    expect(((await usedPage.json()) as { status: string }).status).toBe("used");
    const again = await callRoute(acceptAction, database, { path: `/fr/invitations/${token}`, body: { displayName: "Mallory", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, params: { lang: "fr", token } });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: Record<string, string[]> }).error[""]).toEqual(["accounts:invitation.used"]);
    const relisted = await callRoute(invitationsLoader, database, { path: "/en/admin/invitations", cookie: secretariatCookie, params: { lang: "en" } });
    expect(((await relisted.json()) as { invitations: { email: string; status: string }[] }).invitations.find((i) => i.email === "conseil@example.org")?.status).toBe("accepted");
  });

  it("a secretariat invitation creates a secretariat account", async () => {
    expect((await invite({ email: "colleague@uclg.example", role: "secretariat", language: "en" })).status).toBe(200);
    const { token } = tokenIn((await latestMailTo("colleague@uclg.example"))!.body_text, "invitations");
    const context = contextFor(database);
    const accepted = await callRoute(acceptAction, database, { path: `/en/invitations/${token}`, body: { displayName: "Colleague", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, params: { lang: "en", token } });
    expect((await getSessionUser(context, requestFor({ path: "/en", cookie: cookieOf(accepted) })))?.role).toBe("secretariat");
  });

  it("refuses an invitation to an address that already has an account, and a role other than council or secretariat", async () => {
    const taken = await invite({ email: "city@demo.l4a.test", role: "council", language: "en" });
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as { result: { error: Record<string, string[]> } }).result.error.email).toEqual(["admin:invitations.emailTaken"]);
    const badRole = await invite({ email: "someone@example.org", role: "city", language: "en" });
    expect(badRole.status).toBe(400);
    expect(((await badRole.json()) as { result: { error: Record<string, string[]> } }).result.error.role).toEqual(["validation:choice"]);
  });

  it("expires after 7 days (the clock is injected)", async () => {
    const sentAt = new Date("2026-11-01T09:00:00Z");
    const secretariat = await database.db.selectFrom("users").select("id").where("email", "=", "secretariat@demo.l4a.test").executeTakeFirstOrThrow();
    await createInvitation(database.db, { email: "late@example.org", role: "council", language: "es", invitedBy: secretariat.id, origin: "http://localhost" }, sentAt);
    const { token } = tokenIn((await latestMailTo("late@example.org"))!.body_text, "invitations");
    expect((await invitationState(database.db, token, new Date(sentAt.getTime() + INVITATION_LIFETIME_MS - 1000))).status).toBe("valid");
    expect((await invitationState(database.db, token, new Date(sentAt.getTime() + INVITATION_LIFETIME_MS + 1000))).status).toBe("expired");
    const page = await callRoute(acceptLoader, database, { path: `/es/invitations/${token}`, params: { lang: "es", token } });
    expect(page.status).toBe(410);
    expect(((await page.json()) as { status: string }).status).toBe("expired");
    const accept = await callRoute(acceptAction, database, { path: `/es/invitations/${token}`, body: { displayName: "Tarde", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, params: { lang: "es", token } });
    expect(accept.status).toBe(410);
    expect(await database.db.selectFrom("users").select("id").where("email", "=", "late@example.org").executeTakeFirst()).toBeUndefined();
    const unknown = await callRoute(acceptLoader, database, { path: "/es/invitations/nope", params: { lang: "es", token: "nope" } });
    expect(((await unknown.json()) as { status: string }).status).toBe("unknown");
  });
});

describe("changing one's password", () => {
  it("needs the current password, applies the policy, and ends the other sessions but not this one", async () => {
    const here = (await loginAsDemo(database, "council")).cookie;
    const elsewhere = (await loginAsDemo(database, "council")).cookie;
    const context = contextFor(database);
    const change = (values: Record<string, string>) =>
      callRoute(accountAction, database, { path: "/fr/account", body: values, cookie: here, params: { lang: "fr" } });

    const wrong = await change({ currentPassword: "not-my-password", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { result: { error: Record<string, string[]> } }).result.error.currentPassword).toEqual(["accounts:account.currentWrong"]);
    const common = await change({ currentPassword: DEMO_PASSWORD, password: "qwertyuiopasdfgh", passwordConfirm: "qwertyuiopasdfgh" });
    expect(((await common.json()) as { result: { error: Record<string, string[]> } }).result.error.password).toEqual(["accounts:password.common"]);
    expect(await getSessionUser(context, requestFor({ path: "/fr", cookie: elsewhere }))).not.toBeNull();

    const ok = await change({ currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { changed: boolean }).changed).toBe(true);
    expect(await getSessionUser(context, requestFor({ path: "/fr", cookie: elsewhere }))).toBeNull();
    expect(await getSessionUser(context, requestFor({ path: "/fr", cookie: here }))).not.toBeNull();
    expect((await login("council@demo.l4a.test", NEW_PASSWORD)).status).toBe(302);
  });

  it("sends an anonymous visitor to the login page", async () => {
    const response = await callRoute(accountAction, database, { path: "/en/account", body: {}, params: { lang: "en" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/en\/login\?redirectTo=/);
  });
});
