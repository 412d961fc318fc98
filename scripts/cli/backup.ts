/**
 * `npm run db:backup -- FILE`: a consistent logical backup (gzipped JSON lines) of the configured
 * database, PGlite or PostgreSQL; restore it with `npm run db:restore -- FILE` (db/backup.ts).
 */
import path from "node:path";
import { backupDatabase } from "../../db/backup";
import { openConfiguredDatabase } from "./open";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:backup -- FILE   (for example backups/registry-$(date +%F).l4a.gz)");
  process.exit(2);
}
const database = await openConfiguredDatabase();
try {
  const summary = await backupDatabase(database.db, path.resolve(file), { engine: database.kind });
  console.log(`[db] backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows`);
} catch (error) {
  console.error(`[db] backup failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
