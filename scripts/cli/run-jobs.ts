/**
 * Runs the scheduled jobs once (report reminders, e-mail delivery, housekeeping: expired sessions,
 * link tokens and rate-limit counters, outbox messages past OUTBOX_RETENTION_DAYS): `npx tsx scripts/cli/run-jobs.ts [YYYY-MM-DD]`.
 * The optional date stands for "today" (to replay a day); safe next to running servers (sent once).
 */
import { pruneAccountsData } from "../../app/modules/accounts/housekeeping.server";
import { getEnv } from "../../app/modules/config/env.server";
import { deliverOutbox } from "../../app/modules/mail/mailer.server";
import { runReportReminders } from "../../app/modules/progress/notifications.server";
import { openConfiguredDatabase } from "./open";

const day = process.argv[2];
if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error("usage: tsx scripts/cli/run-jobs.ts [YYYY-MM-DD]");
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  const reminders = await runReportReminders(database.db, { today: day ?? new Date().toISOString().slice(0, 10) });
  const mail = await deliverOutbox(database.db, getEnv().SMTP_URL);
  const pruned = await pruneAccountsData(database.db, new Date(), { outboxRetentionDays: getEnv().OUTBOX_RETENTION_DAYS });
  console.log(
    `[jobs] reminders ${reminders.ran ? `sent: ${reminders.sent}` : "skipped (another process is running them)"}; e-mails delivered: ${mail.sent}; ` +
      `outbox messages pruned: ${pruned.outboxMessages}, link tokens cleared: ${pruned.outboxTokens}`,
  );
} finally {
  await database.close();
}
