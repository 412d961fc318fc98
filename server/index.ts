import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailableError } from "../db/errors";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { InvalidEnvironmentError, getEnv } from "../app/modules/config/env.server";
import { seedDemoWhenEmpty } from "../app/modules/demo/seed.server";
import { createApp } from "./app";
import { startOutboxDelivery } from "../app/modules/mail/delivery.server";
import { startAccountsHousekeeping } from "../app/modules/accounts/housekeeping.server";
import { startJobRunner } from "../app/modules/progress/jobs.server";
import { publicOrigin } from "../app/modules/http/public-url.server";

const startedAt = performance.now();

function loadEnv() {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const env = loadEnv();
if (env.sessionSecretGenerated) {
  console.warn("[config] SESSION_SECRET is not set: using a random one for this demo run (sessions end at restart). Set it in production.");
}

const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  pgliteDataDir: env.PGLITE_DATA_DIR,
  // A lost database becomes a 503 page for the request, never a crash or a 500.
  mapError: (error) =>
    isDatabaseUnavailableError(error)
      ? new Response("The database is unavailable", { status: 503, headers: { "Retry-After": "5" } })
      : error,
}).catch((error) => {
  console.error(`[db] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
console.log(`[db] using ${database.kind === "pglite" ? `the embedded database (PGlite) in ${env.PGLITE_DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);

await prepareDatabase(database.db, { log: console.log });
if (env.demoMode) await seedDemoWhenEmpty(database.db, { log: console.log });

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const app = createApp({ build, database, env });
// With SMTP_URL, queued e-mail is sent right after it is queued and by this periodic pass (retries).
const stopOutboxDelivery = startOutboxDelivery(database.db, env.SMTP_URL);
const stopHousekeeping = startAccountsHousekeeping(database.db, { outboxRetentionDays: env.OUTBOX_RETENTION_DAYS });
const server = app.listen(env.PORT, () => {
  console.log(`[server] ready at http://localhost:${env.PORT} (started in ${Math.round(performance.now() - startedAt)} ms)`);
});

// Report reminders every minute; each is sent once, even with several processes.
const jobs = startJobRunner(database.db, { smtpUrl: env.SMTP_URL, origin: publicOrigin(env) });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`[server] ${signal}: closing`);
  stopOutboxDelivery();
  stopHousekeeping();
  jobs.stop();
  server.close();
  server.closeAllConnections();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
