/**
 * Runs the scheduled jobs once (report reminders, e-mail delivery): `npx tsx db/cli/run-jobs.ts [YYYY-MM-DD]`.
 * The optional date stands for "today" (to replay a day); safe next to running servers (sent once).
 */
import { getEnv } from "../../app/modules/config/env.server";
import { runScheduledJobs } from "../../app/modules/progress/jobs.server";
import { openConfiguredDatabase } from "./open";

const day = process.argv[2];
if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error("usage: tsx db/cli/run-jobs.ts [YYYY-MM-DD]");
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  const result = await runScheduledJobs(database.db, { now: day ? new Date(`${day}T12:00:00Z`) : new Date(), smtpUrl: getEnv().SMTP_URL });
  console.log(`[jobs] reminders ${result.reminders.ran ? `sent: ${result.reminders.sent}` : "skipped (another process is running them)"}; e-mails delivered: ${result.mail.sent}`);
} finally {
  await database.close();
}
