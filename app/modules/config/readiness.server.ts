import { sql } from "kysely";
import type { DB } from "../../../db/index";
import { migrations } from "../../../db/migrations/index";

export interface Readiness {
  ready: boolean;
  /** Migrations of this build not applied to the database (an upgrade half done). */
  pendingMigrations: string[];
  /** Set when the database did not answer. */
  databaseError?: "unreachable";
}

/** Whether this process can serve: the database answers and its schema is this build's. */
export async function readiness(db: DB): Promise<Readiness> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    const pendingMigrations = Object.keys(migrations).filter((name) => !applied.has(name));
    return { ready: pendingMigrations.length === 0, pendingMigrations };
  } catch {
    return { ready: false, pendingMigrations: [], databaseError: "unreachable" };
  }
}
