import nodemailer, { type Transporter } from "nodemailer";
import type { Kysely, Transaction } from "kysely";
import type { Database, Language } from "../../../db/schema";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What it is about, for the outbox list ("invitation", "password_reset", "report_due" …). */
  kind: string;
  /** The language the message is written in (the recipient's). */
  language: Language;
}

const FROM_ADDRESS = "Local4Action HUBs <no-reply@local4action.invalid>";
let transporter: Transporter | undefined;

function smtpTransport(smtpUrl: string): Transporter {
  transporter ??= nodemailer.createTransport(smtpUrl);
  return transporter;
}

/**
 * Records the message in the outbox (inside the caller's transaction, so a rolled-back change
 * sends nothing) and returns its id. Delivery is separate: `deliverOutbox` sends pending
 * messages over SMTP when SMTP_URL is set; without it they stay readable in the app.
 */
export async function queueMail(db: Kysely<Database> | Transaction<Database>, message: MailMessage): Promise<number> {
  const row = await db
    .insertInto("outbox")
    .values({ to_address: message.to, subject: message.subject, body_text: message.text, kind: message.kind, language: message.language })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sends the pending messages over SMTP; a failure is recorded on the message and retried next time. */
export async function deliverOutbox(db: Kysely<Database>, smtpUrl: string | undefined, limit = 50): Promise<{ sent: number; failed: number }> {
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const pending = await db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "body_text"])
    .where("sent_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      await smtpTransport(smtpUrl).sendMail({ from: FROM_ADDRESS, to: message.to_address, subject: message.subject, text: message.body_text });
      await db.updateTable("outbox").set({ sent_at: new Date(), error: null }).where("id", "=", message.id).execute();
      sent += 1;
    } catch (error) {
      await db.updateTable("outbox").set({ error: String(error).slice(0, 500) }).where("id", "=", message.id).execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

export async function listOutbox(db: Kysely<Database>, { limit = 100 }: { limit?: number } = {}) {
  return db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "body_text", "kind", "language", "created_at", "sent_at", "error"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
