/**
 * Runs the scheduled jobs once (report reminders, calls' announcements and results notices, e-mail delivery, housekeeping: expired sessions,
 * link tokens and rate-limit counters, outbox messages past OUTBOX_RETENTION_DAYS): `npx tsx scripts/cli/run-jobs.ts [YYYY-MM-DD]`.
 * The optional date stands for "today" (to replay a day); safe next to running servers (sent once).
 */
import { pruneAccountsData } from "../../app/modules/accounts/housekeeping.server";
import { getEnv } from "../../app/modules/config/env.server";
import { deliverOutbox } from "../../app/modules/mail/mailer.server";
import { runReportReminders } from "../../app/modules/progress/notifications.server";
import { openConfiguredDatabase } from "./open";
import { runCallNotices } from "../../app/modules/calls/notices.server";
import { publicOrigin } from "../../app/modules/http/public-url.server";

const day = process.argv[2];
if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error("usage: tsx scripts/cli/run-jobs.ts [YYYY-MM-DD]");
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  const reminders = await runReportReminders(database.db, { today: day ?? new Date().toISOString().slice(0, 10) });
  // Calls for proposals: the announcement of a call that opened and the results notices, each once.
  const calls = await runCallNotices(database.db, { now: new Date(), origin: publicOrigin(getEnv()) });
  const mail = await deliverOutbox(database.db, getEnv().SMTP_URL);
  const pruned = await pruneAccountsData(database.db, new Date(), { outboxRetentionDays: getEnv().OUTBOX_RETENTION_DAYS });
  console.log(
    `[jobs] reminders ${reminders.ran ? `sent: ${reminders.sent}` : "skipped (another process is running them)"}; call e-mails queued: ${calls.messages}; e-mails delivered: ${mail.sent}; ` +
      `outbox messages pruned: ${pruned.outboxMessages}, link tokens cleared: ${pruned.outboxTokens}`,
  );
} finally {
  await database.close();
}
