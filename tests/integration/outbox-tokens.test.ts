import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as outboxLoader } from "~/routes/$lang.admin.outbox";
import { action as forgotAction } from "~/routes/$lang.password.forgot";
import { pruneAccountsData } from "~/modules/accounts/housekeeping.server";
import { createInvitation, INVITATION_LIFETIME_MS } from "~/modules/accounts/invitations.server";
import { requestPasswordReset, RESET_LIFETIME_MS } from "~/modules/accounts/password-reset.server";
import { queueMail } from "~/modules/mail/mailer.server";
import { parseEnv } from "~/modules/config/env.server";
import { Migrator, sql } from "kysely";
import { migrations } from "../../db/migrations/index";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createUser } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

// Security review, finding 5: the outbox never shows or keeps a link that still opens an account.

let database: TestDatabase;
let secretariat: SignedInUser;
beforeAll(async () => {
  database = await createTestDatabase();
  secretariat = await loginAs(database, "secretariat");
});
afterAll(() => database?.destroy());

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

async function storedMessage(address: string) {
  return database.db.selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("id", "desc").executeTakeFirstOrThrow();
}

async function outboxPageText(): Promise<string> {
  const response = await callRoute(outboxLoader, database, { path: "/en/admin/outbox", cookie: secretariat.cookie, params: { lang: "en" } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the outbox and link tokens", () => {
  it("shows reset and invitation e-mails on the admin page without their live tokens", async () => {
    const user = await createUser(database.db, { role: "city", language: "fr" });
    const forgot = await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: user.email }, params: { lang: "en" }, clientIp: "198.51.100.1" });
    expect(forgot.status).toBe(200);
    await createInvitation(database.db, { email: "invitee@example.org", role: "council", language: "es", invitedBy: secretariat.id, origin: "http://localhost" });

    const reset = await storedMessage(user.email);
    const invitation = await storedMessage("invitee@example.org");
    for (const message of [reset, invitation]) {
      expect(message.link_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The body keeps a placeholder, never the token.
      expect(message.body_text).not.toContain(message.link_token);
      expect(message.body_text).toContain("{token}");
    }
    const page = await outboxPageText();
    expect(page).not.toContain(reset.link_token!);
    expect(page).not.toContain(invitation.link_token!);
    expect(page).not.toContain("{token}");
    expect(page).toContain("/fr/password/reset/[link hidden]");
    expect(page).toContain("/es/invitations/[link hidden]");
  });

  it("hides a token written into a body before tokens moved out of it", async () => {
    const legacyToken = "a".repeat(21) + "-_" + "B9".repeat(10);
    await queueMail(database.db, { to: "legacy@example.org", subject: "Old", text: `Open http://localhost/en/password/reset/${legacyToken} now`, kind: "password_reset", language: "en" });
    const page = await outboxPageText();
    expect(page).not.toContain(legacyToken);
    expect(page).toContain("Open http://localhost/en/password/reset/[link hidden] now");
  });

  it("clears a message's token once the token has expired, sent or not", async () => {
    const user = await createUser(database.db, { role: "council" });
    const requestedAt = new Date("2026-11-20T10:00:00Z");
    await requestPasswordReset(database.db, user.email, "http://localhost", requestedAt);
    await createInvitation(database.db, { email: "slow@example.org", role: "council", language: "en", invitedBy: secretariat.id, origin: "http://localhost" }, requestedAt);
    const token = (await storedMessage(user.email)).link_token!;
    expect(token).toBeTruthy();

    // An hour and a half later the reset link is dead: its token goes; the invitation (7 days) keeps its own.
    const later = new Date(requestedAt.getTime() + RESET_LIFETIME_MS + 30 * 60 * 1000);
    const result = await pruneAccountsData(database.db, later, { outboxRetentionDays: 30 });
    expect(result.outboxTokens).toBeGreaterThanOrEqual(1);
    const reset = await storedMessage(user.email);
    expect(reset.link_token).toBeNull();
    expect(JSON.stringify(reset)).not.toContain(token);
    expect((await storedMessage("slow@example.org")).link_token).not.toBeNull();

    await pruneAccountsData(database.db, new Date(requestedAt.getTime() + INVITATION_LIFETIME_MS + 1000), { outboxRetentionDays: 30 });
    expect((await storedMessage("slow@example.org")).link_token).toBeNull();
  });

  it("shows a message whose link expired unsent as expired", async () => {
    const user = await createUser(database.db, { role: "council" });
    await requestPasswordReset(database.db, user.email, "http://localhost", new Date(Date.now() - 2 * HOUR_MS));
    const response = await callRoute(outboxLoader, database, { path: "/en/admin/outbox", cookie: secretariat.cookie, params: { lang: "en" } });
    const data = (await response.json()) as { messages: { to: string; status: string }[] };
    expect(data.messages.find((message) => message.to === user.email)?.status).toBe("expired");
  });

  it("a new reset request revokes the earlier link, in the token table and in the unsent e-mail", async () => {
    const user = await createUser(database.db, { role: "council" });
    await requestPasswordReset(database.db, user.email, "http://localhost");
    const first = await storedMessage(user.email);
    await requestPasswordReset(database.db, user.email, "http://localhost");
    const firstAgain = await database.db.selectFrom("outbox").select(["link_token", "link_expires_at"]).where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(firstAgain.link_token).toBeNull();
    const tokens = await database.db.selectFrom("password_reset_tokens").select("id").where("user_id", "=", user.id).execute();
    expect(tokens).toHaveLength(1);
  });

  it("deletes messages older than the retention period (OUTBOX_RETENTION_DAYS, 30 days by default)", async () => {
    expect(parseEnv({}).OUTBOX_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ OUTBOX_RETENTION_DAYS: "90" }).OUTBOX_RETENTION_DAYS).toBe(90);
    expect(() => parseEnv({ OUTBOX_RETENTION_DAYS: "0" })).toThrow(/OUTBOX_RETENTION_DAYS/);
    await queueMail(database.db, { to: "retained@example.org", subject: "Hello", text: "Hello", kind: "test", language: "en" });
    const count = async () => (await database.db.selectFrom("outbox").select("id").where("to_address", "=", "retained@example.org").execute()).length;

    expect((await pruneAccountsData(database.db, new Date(Date.now() + 29 * DAY_MS), { outboxRetentionDays: 30 })).outboxMessages).toBe(0);
    expect(await count()).toBe(1);
    // A longer retention keeps it; the default one, a day after, deletes every message of this file.
    await pruneAccountsData(database.db, new Date(Date.now() + 31 * DAY_MS), { outboxRetentionDays: 60 });
    expect(await count()).toBe(1);
    const result = await pruneAccountsData(database.db, new Date(Date.now() + 31 * DAY_MS), { outboxRetentionDays: 30 });
    expect(result.outboxMessages).toBeGreaterThan(1);
    expect(await count()).toBe(0);
  });
});

describe("the migration of messages queued before it", () => {
  it("moves an unsent message's token out of its body, and drops a sent one's", async () => {
    const before = await createTestDatabase();
    try {
      const migrator = new Migrator({ db: before.db, provider: { getMigrations: async () => migrations } });
      // Back to just before the migration (later ones are undone first, whatever they are).
      const down = await migrator.migrateTo("2026-12-01-075-cross-language-search");
      expect(down.error).toBeUndefined();
      expect(down.results?.at(-1)?.migrationName).toBe("2026-12-01-080-security-accounts");
      const unsentToken = "U".repeat(43);
      const sentToken = "S".repeat(43);
      await sql`
        insert into outbox (to_address, subject, body_text, kind, language, created_at, sent_at) values
          ('unsent@example.org', 'Reset', ${`Open http://x/en/password/reset/${unsentToken} soon`}, 'password_reset', 'en', now(), null),
          ('sent@example.org', 'Invite', ${`Open http://x/fr/invitations/${sentToken} soon`}, 'invitation', 'fr', now(), now())`.execute(before.db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await before.db.selectFrom("outbox").select(["to_address", "body_text", "link_token"]).orderBy("to_address").execute();
      expect(rows).toEqual([
        { to_address: "sent@example.org", body_text: "Open http://x/fr/invitations/{token} soon", link_token: null },
        { to_address: "unsent@example.org", body_text: "Open http://x/en/password/reset/{token} soon", link_token: unsentToken },
      ]);
    } finally {
      await before.destroy();
    }
  });
});
