import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isoToday } from "~/modules/hubs/status";
import { deliverOutbox } from "~/modules/mail/mailer.server";
import { runReportReminders } from "./notifications.server";

/** One tick of the scheduled jobs: report reminders (once each, see runReportReminders), then e-mail delivery when SMTP is set. */
export async function runScheduledJobs(db: Kysely<Database>, { now = new Date(), smtpUrl }: { now?: Date; smtpUrl?: string } = {}) {
  const reminders = await runReportReminders(db, { today: isoToday(now) });
  const mail = await deliverOutbox(db, smtpUrl);
  return { reminders, mail };
}

/** Runs the jobs now and then every `intervalMs` (one minute by default) until stopped; a failed tick is logged and retried next time. */
export function startJobRunner(db: Kysely<Database>, { intervalMs = 60_000, smtpUrl, log = console.log }: { intervalMs?: number; smtpUrl?: string; log?: (message: string) => void } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runScheduledJobs(db, { smtpUrl });
      if (result.reminders.sent > 0 || result.mail.sent > 0) log(`[jobs] reminders: ${result.reminders.sent} new; e-mails sent: ${result.mail.sent}`);
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
