import type { DB } from "../../../db/index";
import { pruneRateLimits } from "~/modules/http/rate-limit.server";
import { pruneOutbox } from "~/modules/mail/mailer.server";
import { LOGIN_WINDOW_MS } from "./login.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface HousekeepingOptions {
  /** OUTBOX_RETENTION_DAYS: how long the outbox keeps a message. */
  outboxRetentionDays: number;
}

/**
 * Deletes what no rule needs any more: login attempts older than a day (throttling looks back
 * 15 minutes), expired sessions, reset tokens a day past their expiry, rate-limit counters a day
 * old, the outbox's expired link tokens and its messages past the retention period.
 * The audit log is never pruned: it is append-only (the database refuses deletes).
 */
export async function pruneAccountsData(
  db: DB,
  now: Date = new Date(),
  options: HousekeepingOptions = { outboxRetentionDays: 30 },
): Promise<{ attempts: number; sessions: number; resetTokens: number; rateLimits: number; outboxTokens: number; outboxMessages: number }> {
  const dayAgo = new Date(now.getTime() - Math.max(DAY_MS, LOGIN_WINDOW_MS));
  const attempts = await db.deleteFrom("login_attempts").where("at", "<", dayAgo).executeTakeFirst();
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  const resetTokens = await db.deleteFrom("password_reset_tokens").where("expires_at", "<", dayAgo).executeTakeFirst();
  const rateLimits = await pruneRateLimits(db, now);
  const outbox = await pruneOutbox(db, { now, retentionDays: options.outboxRetentionDays });
  return {
    attempts: Number(attempts.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    resetTokens: Number(resetTokens.numDeletedRows),
    rateLimits,
    outboxTokens: outbox.tokensCleared,
    outboxMessages: outbox.messagesDeleted,
  };
}

/** Runs `pruneAccountsData` now and every hour; returns a stop function. */
export function startAccountsHousekeeping(db: DB, options: HousekeepingOptions, intervalMs = 60 * 60 * 1000): () => void {
  const run = () =>
    void pruneAccountsData(db, new Date(), options).catch((error) => console.error(`[accounts] housekeeping failed: ${error instanceof Error ? error.message : error}`));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
