import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, recordAudit } from "~/modules/audit/audit.server";
import { deliverOutbox, listOutbox, queueMail } from "~/modules/mail/mailer.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe("the outbox", () => {
  it("keeps a message queued in a committed transaction and drops one whose transaction rolled back", async () => {
    await database.db.transaction().execute((trx) =>
      queueMail(trx, { to: "kept@example.org", subject: "Kept", text: "Hello", kind: "test", language: "fr" }),
    );
    await expect(
      database.db.transaction().execute(async (trx) => {
        await queueMail(trx, { to: "dropped@example.org", subject: "Dropped", text: "Hello", kind: "test", language: "en" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const messages = await listOutbox(database.db);
    expect(messages.map((message) => message.to_address)).toEqual(["kept@example.org"]);
    expect(messages[0]).toMatchObject({ subject: "Kept", language: "fr", sent_at: null });
  });

  it("without SMTP_URL leaves the messages in the outbox for the app to show", async () => {
    expect(await deliverOutbox(database.db, undefined)).toEqual({ sent: 0, failed: 0 });
    expect((await listOutbox(database.db))[0].sent_at).toBeNull();
  });
});

describe("the audit log", () => {
  it("lists an entity's entries in order with the actor", async () => {
    await recordAudit(database.db, { entity: "hub", entityId: 7, actorUserId: null, action: "submit", fromStatus: "draft", toStatus: "submitted" });
    await recordAudit(database.db, { entity: "hub", entityId: 7, actorUserId: null, action: "recognise", fromStatus: "submitted", toStatus: "recognised", comment: "Bienvenue" });
    const entries = await listAudit(database.db, "hub", 7);
    expect(entries.map((entry) => [entry.action, entry.from_status, entry.to_status, entry.comment])).toEqual([
      ["submit", "draft", "submitted", null],
      ["recognise", "submitted", "recognised", "Bienvenue"],
    ]);
  });
});
