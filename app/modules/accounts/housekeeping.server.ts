import type { DB } from "../../../db/index";
import { LOGIN_WINDOW_MS } from "./login.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what no rule needs any more: login attempts older than a day (throttling looks back
 * 15 minutes), expired sessions, and reset tokens a day past their expiry.
 */
export async function pruneAccountsData(db: DB, now: Date = new Date()): Promise<{ attempts: number; sessions: number; resetTokens: number }> {
  const dayAgo = new Date(now.getTime() - Math.max(DAY_MS, LOGIN_WINDOW_MS));
  const attempts = await db.deleteFrom("login_attempts").where("at", "<", dayAgo).executeTakeFirst();
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  const resetTokens = await db.deleteFrom("password_reset_tokens").where("expires_at", "<", dayAgo).executeTakeFirst();
  return {
    attempts: Number(attempts.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    resetTokens: Number(resetTokens.numDeletedRows),
  };
}

/** Runs `pruneAccountsData` now and every hour; returns a stop function. */
export function startAccountsHousekeeping(db: DB, intervalMs = 60 * 60 * 1000): () => void {
  const run = () => void pruneAccountsData(db).catch((error) => console.error(`[accounts] housekeeping failed: ${error instanceof Error ? error.message : error}`));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
