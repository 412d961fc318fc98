import { sql, type Kysely } from "kysely";

// Frozen once landed. The council dashboard's figures are cached per public data version
// (app/modules/progress/dashboard.server.ts). The stored reporting state they count moves with
// writes that already bump that version (reports, outcomes, timelines, statuses), except a
// council's change of a HUB's reporting cadence and the fill of missing rows: a statement trigger
// on the state itself covers every writer, known or not.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger hub_reporting_state_public_version
    after insert or update or delete or truncate on hub_reporting_state
    for each statement execute function public_data_version_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists hub_reporting_state_public_version on hub_reporting_state`.execute(db);
}
