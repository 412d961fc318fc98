import { getEnv } from "../../app/modules/config/env.server";
import { openDatabase } from "../../db/index";

/** The database the app is configured for (DATABASE_URL, else the embedded one). */
export async function openConfiguredDatabase() {
  const env = getEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  console.log(`[db] ${database.kind === "pglite" ? `embedded database in ${env.PGLITE_DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);
  return database;
}
