/**
 * npm run admin:reset-two-factor -- --email someone@example.org
 * For an account whose phone is lost with no recovery code left: turns its two-step sign-in off and
 * ends its sessions (audited). At the next sign-in, with the password, it enrols again.
 */
import { parseArgs } from "node:util";
import { resetTwoFactor } from "../../app/modules/accounts/two-factor.server";
import { prepareDatabase } from "../../db/prepare";
import { openConfiguredDatabase } from "./open";

const { values } = parseArgs({ options: { email: { type: "string" } }, strict: true });
if (!values.email) {
  console.error("admin:reset-two-factor: --email is required");
  process.exit(1);
}
const email = values.email.trim().toLowerCase();
const database = await openConfiguredDatabase();
let exitCode = 0;
try {
  await prepareDatabase(database.db);
  const user = await database.db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
    .executeTakeFirst();
  if (user) {
    await resetTwoFactor(database.db, user.id, null);
    console.log(`admin:reset-two-factor: two-step sign-in of ${email} is off and its sessions ended; it enrols again at its next sign-in`);
  } else {
    exitCode = 1;
    console.error(`admin:reset-two-factor: no account with the e-mail ${email}`);
  }
} finally {
  await database.close();
}
process.exit(exitCode);
