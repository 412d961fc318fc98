/**
 * `npm run db:restore -- FILE [--force]`: restores a backup of `npm run db:backup` into the
 * configured database (DATABASE_URL, else the embedded one), which must be empty unless --force
 * (everything in it is then replaced). Also the way to move from the embedded database to
 * PostgreSQL: back up without DATABASE_URL, restore with it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { RestoreRefusedError, restoreDatabase } from "../../db/backup";
import { prepareDatabase } from "../../db/prepare";
import { withStartupLock } from "../../db/startup-lock";
import { getEnv } from "../../app/modules/config/env.server";
import { openConfiguredDatabase } from "./open";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: npm run db:restore -- FILE [--force]");
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`[db] no such backup file: ${file}`);
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  // No app process may migrate or seed while the restore runs.
  const summary = await withStartupLock(getEnv().DATABASE_URL, () =>
    restoreDatabase(database.db, path.resolve(file), { force, afterRestore: (db) => prepareDatabase(db, { log: console.log }) }),
  );
  console.log(`[db] restored ${file}: ${summary.tables} tables, ${summary.rows} rows`);
} catch (error) {
  console.error(error instanceof RestoreRefusedError ? `[db] ${error.message}` : `[db] restore failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
