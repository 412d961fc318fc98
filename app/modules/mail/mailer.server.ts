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
  /**
   * The secret the text carries (a reset or invitation link's token) and when it stops working.
   * The outbox never stores it in the body: see `queueMail`.
   */
  linkToken?: { token: string; expiresAt: Date };
}

/**
 * Stands for the link token in a stored body. The token itself sits in outbox.link_token until the
 * message is sent or the token expires, then is cleared: whoever reads the outbox (the secretariat's
 * page, a backup, a database dump) never sees a token that still opens an account.
 */
export const OUTBOX_TOKEN_PLACEHOLDER = "{token}";

const FROM_ADDRESS = "Local4Action HUBs <no-reply@local4action.invalid>";
let transporter: Transporter | undefined;

function smtpTransport(smtpUrl: string): Transporter {
  transporter ??= nodemailer.createTransport(smtpUrl);
  return transporter;
}

/**
 * Records the message in the outbox (inside the caller's transaction, so a rolled-back change
 * sends nothing) and returns its id. Delivery is separate: `deliverOutbox` sends pending
 * messages over SMTP when SMTP_URL is set; without it they stay readable in the app. A link token
 * given in `linkToken` is stored apart from the body (which holds OUTBOX_TOKEN_PLACEHOLDER instead).
 */
export async function queueMail(db: Kysely<Database> | Transaction<Database>, message: MailMessage): Promise<number> {
  const secret = message.linkToken;
  const row = await db
    .insertInto("outbox")
    .values({
      to_address: message.to,
      subject: message.subject,
      body_text: secret ? message.text.replaceAll(secret.token, OUTBOX_TOKEN_PLACEHOLDER) : message.text,
      kind: message.kind,
      language: message.language,
      link_token: secret?.token ?? null,
      link_expires_at: secret?.expiresAt ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The text the recipient receives: the stored body with its link token put back. */
export function deliverableText(message: { body_text: string; link_token: string | null }): string {
  return message.link_token ? message.body_text.replaceAll(OUTBOX_TOKEN_PLACEHOLDER, message.link_token) : message.body_text;
}

// A link token (32 random bytes, base64url) after a reset or invitation path: only in bodies
// stored before the token moved out of them; hidden all the same.
const LEGACY_LINK_TOKEN = /(\/(?:password\/reset|invitations)\/)[A-Za-z0-9_-]{43}/g;

/** The body as the outbox page shows it: every link token replaced by `hidden` (e.g. "[hidden]"). */
export function redactedBody(bodyText: string, hidden: string): string {
  return bodyText.replaceAll(OUTBOX_TOKEN_PLACEHOLDER, hidden).replace(LEGACY_LINK_TOKEN, (_match, path: string) => `${path}${hidden}`);
}

/**
 * Sends the pending messages over SMTP; a failure is recorded on the message and retried next time.
 * A message whose link expired before it could be sent is not sent (its link would not work).
 * Once sent, the message's link token is cleared.
 */
export async function deliverOutbox(db: Kysely<Database>, smtpUrl: string | undefined, limit = 50, now: Date = new Date()): Promise<{ sent: number; failed: number }> {
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const pending = await db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "body_text", "link_token"])
    .where("sent_at", "is", null)
    .where((eb) => eb.or([eb("link_expires_at", "is", null), eb("link_expires_at", ">", now)]))
    .orderBy("id")
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      await smtpTransport(smtpUrl).sendMail({ from: FROM_ADDRESS, to: message.to_address, subject: message.subject, text: deliverableText(message) });
      await db.updateTable("outbox").set({ sent_at: new Date(), error: null, link_token: null }).where("id", "=", message.id).execute();
      sent += 1;
    } catch (error) {
      await db.updateTable("outbox").set({ error: String(error).slice(0, 500) }).where("id", "=", message.id).execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

/** The latest messages, for the outbox page: never their link tokens. */
export async function listOutbox(db: Kysely<Database>, { limit = 100 }: { limit?: number } = {}) {
  return db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "body_text", "kind", "language", "created_at", "sent_at", "error", "link_expires_at"])
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The reset links queued for `address` and not yet sent stop here: their token is gone, so they are never sent. */
export async function revokeQueuedLinks(db: Kysely<Database> | Transaction<Database>, address: string, now: Date = new Date()): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ link_token: null, link_expires_at: now })
    .where("kind", "=", "password_reset")
    .where("to_address", "=", address)
    .where("sent_at", "is", null)
    .where("link_token", "is not", null)
    .execute();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Housekeeping of the outbox: clears the link token of every message whose token has expired
 * (sent or not), and deletes the messages older than the retention period (OUTBOX_RETENTION_DAYS).
 */
export async function pruneOutbox(db: Kysely<Database>, { now = new Date(), retentionDays }: { now?: Date; retentionDays: number }): Promise<{ tokensCleared: number; messagesDeleted: number }> {
  const cleared = await db
    .updateTable("outbox")
    .set({ link_token: null })
    .where("link_token", "is not", null)
    .where("link_expires_at", "<=", now)
    .executeTakeFirst();
  const deleted = await db
    .deleteFrom("outbox")
    .where("created_at", "<", new Date(now.getTime() - retentionDays * DAY_MS))
    .executeTakeFirst();
  return { tokensCleared: Number(cleared.numUpdatedRows), messagesDeleted: Number(deleted.numDeletedRows) };
}
