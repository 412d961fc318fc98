import type { Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as forgotAction } from "~/routes/$lang.password.forgot";
import { deliveryFinished, sendQueuedMail } from "~/modules/mail/delivery.server";
import { deliverOutbox, listOutbox } from "~/modules/mail/mailer.server";
import { requestPasswordReset, resetTokenState } from "~/modules/accounts/password-reset.server";
import { parseEnv } from "~/modules/config/env.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { fakeSmtp } from "../support/smtp";

let database: TestDatabase;
let smtp: { server: Server; port: number };
const received: string[] = [];
beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDatabase({ seedDemo: true }), fakeSmtp(received)]);
});
afterAll(async () => {
  smtp?.server.close();
  await database?.destroy();
});

describe("mail delivery with SMTP_URL", () => {
  it("sends the reset e-mail right after the request commits, and marks it sent in the outbox", async () => {
    const env = parseEnv({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const response = await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: "secretariat@demo.l4a.test" }, params: { lang: "en" }, clientIp: "127.0.0.1", env });
    expect(response.status).toBe(200);
    await deliveryFinished();
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("To: secretariat@demo.l4a.test");
    expect(received[0]).toContain("/en/password/reset/");
    const [message] = await listOutbox(database.db);
    expect(message.to_address).toBe("secretariat@demo.l4a.test");
    expect(message.sent_at).not.toBeNull();
    // A second pass has nothing left to send.
    sendQueuedMail(database.db, env.SMTP_URL);
    await deliveryFinished();
    expect(received).toHaveLength(1);
  });

  it("puts the link token back only in the e-mail it sends, then keeps no token in the outbox", async () => {
    const env = parseEnv({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    await callRoute(forgotAction, database, { path: "/en/password/forgot", body: { email: "council@demo.l4a.test" }, params: { lang: "en" }, clientIp: "127.0.0.2", env });
    await deliveryFinished();
    // Quoted-printable: soft line breaks joined again.
    const sent = received.at(-1)!.replace(/=\n/g, "").replace(/=3D/g, "=");
    const token = sent.match(/\/password\/reset\/([A-Za-z0-9_-]{43})/)![1];
    expect((await resetTokenState(database.db, token)).status).toBe("valid");
    const stored = await database.db.selectFrom("outbox").selectAll().where("to_address", "=", "council@demo.l4a.test").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(stored.sent_at).not.toBeNull();
    expect(stored.link_token).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("does not send a message whose link expired before it could be sent", async () => {
    const before = received.length;
    await requestPasswordReset(database.db, "city@demo.l4a.test", "http://localhost", new Date(Date.now() - 2 * 60 * 60 * 1000));
    expect(await deliverOutbox(database.db, `smtp://127.0.0.1:${smtp.port}`)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(before);
  });
});
