/**
 * `npm run db:backup -- FILE`: a consistent logical backup (gzipped JSON lines) of the configured
 * database, PGlite or PostgreSQL; restore it with `npm run db:restore -- FILE` (db/backup.ts).
 * When the embedded database is open in the running server, the server writes the backup itself
 * (asked through a request file beside the folder and SIGUSR2: server/online-backup.ts), so the
 * registry keeps serving.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "../../db/backup";
import { pgliteBackupRequestPath, pgliteLockPath } from "../../db/index";
import { liveOwner } from "../../db/pglite-lock";
import { getEnv } from "../../app/modules/config/env.server";
import { openConfiguredDatabase } from "./open";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:backup -- FILE   (for example backups/registry-$(date +%F).l4a.gz)");
  process.exit(2);
}
const target = path.resolve(file);
const env = getEnv();
const owner = env.DATABASE_URL ? undefined : liveOwner(pgliteLockPath(path.resolve(env.PGLITE_DATA_DIR)));

if (owner) {
  // The running server has the folder: ask it.
  const done = `${target}.done`;
  rmSync(done, { force: true });
  writeFileSync(pgliteBackupRequestPath(path.resolve(env.PGLITE_DATA_DIR)), JSON.stringify({ file: target }));
  process.kill(owner.pid, "SIGUSR2");
  console.log(`[db] the embedded database is open in the server (pid ${owner.pid}): it writes the backup`);
  const deadline = Date.now() + 30 * 60_000;
  while (!existsSync(done)) {
    if (Date.now() > deadline) {
      console.error("[db] the server did not finish the backup in 30 minutes");
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const outcome = JSON.parse(readFileSync(done, "utf8")) as { ok: boolean; tables?: number; rows?: number; error?: string };
  rmSync(done, { force: true });
  if (!outcome.ok) {
    console.error(`[db] backup failed: ${outcome.error}`);
    process.exit(1);
  }
  console.log(`[db] backup written to ${file}: ${outcome.tables} tables, ${outcome.rows} rows`);
} else {
  const database = await openConfiguredDatabase();
  try {
    const summary = await backupDatabase(database.db, target, { engine: database.kind });
    console.log(`[db] backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows`);
  } catch (error) {
    console.error(`[db] backup failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
