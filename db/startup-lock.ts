import postgres from "postgres";

/** pg_advisory_lock key of the start-up work ("l4a-prep" as a number). */
const STARTUP_LOCK_KEY = 0x6c34_6170_7265_70n;

/**
 * Runs `work` (migrate, load reference data, seed an empty demo database) while holding a
 * PostgreSQL session advisory lock, so that several processes starting together on one database
 * do it one after the other: the second finds the work done (issue 15: two processes on an empty
 * database in demo mode, one crashed on a duplicate key while seeding). The lock is held on a
 * connection of its own (max 1, so lock and unlock use the same session); it goes with that
 * session if the process dies. The embedded database needs none: one process opens its folder.
 */
export async function withStartupLock<T>(databaseUrl: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return work();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY.toString()}::bigint)`;
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY.toString()}::bigint)`.catch(() => {});
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
