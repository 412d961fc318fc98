import { sql, type Kysely } from "kysely";

// Frozen once landed. The public HUB page also shows its partners (hub_partners) and the SDG
// goals' and targets' titles and colours (sdg_goals, sdg_targets): writing them bumps the public
// data version too, so the page cache and the other public caches follow. The SDG tables are
// upserted at every start (db/reference/sdg.ts): a statement trigger fires even when nothing
// changed, so each start moves the version once, which only costs one round of cache misses.
const TABLES = ["hub_partners", "sdg_goals", "sdg_targets"];

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
