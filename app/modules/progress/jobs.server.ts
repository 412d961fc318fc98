import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isoToday } from "~/modules/hubs/lifecycle";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { runReportReminders } from "./notifications.server";
import { runExchangeDigests } from "~/modules/network/exchange-digest.server";

/**
 * One tick of the scheduled jobs: report reminders (once each, see runReportReminders); their
 * e-mails go through the outbox, sent at once when SMTP is set (the mail module's single delivery pass).
 */
export async function runScheduledJobs(db: Kysely<Database>, { now = new Date(), smtpUrl }: { now?: Date; smtpUrl?: string } = {}) {
  const reminders = await runReportReminders(db, { today: isoToday(now) });
  // The exchange space's daily digest (the network module): once per user and day.
  const digests = await runExchangeDigests(db, { today: isoToday(now) });
  if (reminders.sent > 0 || digests.sent > 0) sendQueuedMail(db, smtpUrl);
  return { reminders, digests };
}

/** Runs the jobs now and then every `intervalMs` (one minute by default) until stopped; a failed tick is logged and retried next time. */
export function startJobRunner(db: Kysely<Database>, { intervalMs = 60_000, smtpUrl, log = console.log }: { intervalMs?: number; smtpUrl?: string; log?: (message: string) => void } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runScheduledJobs(db, { smtpUrl });
      if (result.reminders.sent > 0) log(`[jobs] report reminders: ${result.reminders.sent} new`);
    } catch (error) {
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
