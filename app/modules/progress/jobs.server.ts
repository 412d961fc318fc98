import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isoToday } from "~/modules/hubs/lifecycle";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { runReportReminders } from "./notifications.server";
import { runCallNotices } from "~/modules/calls/notices.server";

/**
 * One tick of the scheduled jobs: report reminders (once each, see runReportReminders); their
 * e-mails go through the outbox, sent at once when SMTP is set (the mail module's single delivery pass).
 */
export async function runScheduledJobs(
  db: Kysely<Database>,
  { now = new Date(), smtpUrl, origin = "http://localhost:3000" }: { now?: Date; smtpUrl?: string; origin?: string } = {},
) {
  const reminders = await runReportReminders(db, { today: isoToday(now) });
  // Calls for proposals: the announcement when a call opens, the results notices (each once).
  const calls = await runCallNotices(db, { now, origin });
  if (reminders.sent > 0 || calls.messages > 0) sendQueuedMail(db, smtpUrl);
  return { reminders, calls };
}

/** Runs the jobs now and then every `intervalMs` (one minute by default) until stopped; a failed tick is logged and retried next time. */
export function startJobRunner(
  db: Kysely<Database>,
  {
    intervalMs = 60_000,
    smtpUrl,
    origin,
    log = console.log,
    onRun,
  }: { intervalMs?: number; smtpUrl?: string; origin?: string; log?: (message: string) => void; onRun?: (outcome: "ok" | "failed") => void } = {},
) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runScheduledJobs(db, { smtpUrl, origin });
      if (result.reminders.sent > 0) log(`[jobs] report reminders: ${result.reminders.sent} new`);
      if (result.calls.messages > 0) log(`[jobs] calls for proposals: ${result.calls.messages} messages queued`);
      onRun?.("ok");
    } catch (error) {
      onRun?.("failed");
      log(`[jobs] failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
