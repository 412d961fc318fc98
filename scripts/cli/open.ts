import { InvalidEnvironmentError, getEnv } from "../../app/modules/config/env.server";
import { DatabaseLockedError, openDatabase } from "../../db/index";

/**
 * The database the app is configured for (DATABASE_URL, else the embedded one). A folder open in
 * the running server, a bad environment or an unreachable server end the command with one clear
 * line, not a stack trace.
 */
export async function openConfiguredDatabase() {
  try {
    const env = getEnv();
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, poolSize: env.DB_POOL_SIZE });
    console.log(`[db] ${database.kind === "pglite" ? `embedded database in ${env.PGLITE_DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);
    return database;
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    const code = (error as { code?: string }).code;
    if (code && /^(ECONNREFUSED|ENOTFOUND|CONNECT_TIMEOUT|28P01|3D000)$/.test(code)) {
      console.error(`[db] cannot reach the PostgreSQL server of DATABASE_URL (${code}): ${(error as Error).message}`);
      process.exit(1);
    }
    throw error;
  }
}
