import { sql, type Kysely } from "kysely";

// Frozen once landed. Public pages also show these tables (progress updates, the communication
// plan, approved changes): writing them bumps the public data version, so caches and ETags follow.
const TABLES = [
  "progress_updates",
  "progress_update_translations",
  "progress_update_outcomes",
  "progress_update_activities",
  "progress_update_evidence",
  "hub_events",
  "hub_documents",
  "hub_change_requests",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_public_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_data_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_public_version`)} on ${sql.table(table)}`.execute(db);
  }
}
