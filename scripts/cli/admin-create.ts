/**
 * npm run admin:create -- --email admin@example.org --name "Ada Admin" [--language en]
 * Creates a secretariat account. The password comes from ADMIN_PASSWORD, else it is read from
 * standard input (one line). Refuses weak passwords and e-mails that already have an account.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createSecretariatAccount } from "../../app/modules/accounts/admin-account.server";
import { getTranslator } from "../../app/modules/i18n/i18next.server";
import { parseMessage } from "../../app/modules/forms/messages";
import { isLanguage } from "../../app/modules/i18n/config";
import { prepareDatabase } from "../../db/prepare";
import { openConfiguredDatabase } from "./open";

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("Password for the new secretariat account (at least 12 characters): ");
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, language: { type: "string", default: "en" } },
  strict: true,
});
if (!values.email) fail("--email is required");
if (!values.name) fail("--name is required");
const language = values.language;
if (!isLanguage(language)) fail("--language must be en, es or fr");

const password = await readPassword();
const database = await openConfiguredDatabase();
let exitCode = 0;
try {
  await prepareDatabase(database.db);
  const result = await createSecretariatAccount(database.db, { email: values.email, displayName: values.name, password, language });
  if (result.ok) {
    console.log(`admin:create: secretariat account ${values.email.trim().toLowerCase()} created (id ${result.userId})`);
  } else {
    exitCode = 1;
    if (result.error === "weakPassword" && result.detail) {
      const t = await getTranslator("en");
      const { key, values: detailValues } = parseMessage(result.detail);
      console.error(`admin:create: password refused: ${t(key, detailValues)}`);
    } else {
      const reasons = { invalidEmail: "the e-mail address is not valid", invalidName: "the name is empty or too long", emailTaken: "an account with this e-mail already exists", weakPassword: "the password is too weak" };
      console.error(`admin:create: ${reasons[result.error]}`);
    }
  }
} finally {
  await database.close();
}
process.exit(exitCode);
