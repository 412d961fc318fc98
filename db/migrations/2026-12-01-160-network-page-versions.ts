import { sql, type Kysely } from "kysely";

/**
 * Frozen once landed. The HUB network's tables (migration 150) on the HUB page's own version
 * (migration 120, finer invalidation): the two branches landed together, so the per-HUB triggers
 * of migration 120 did not know the network's tables.
 * - hub_policy_councils, network_event_hubs: the HUB in the row;
 * - hub_sync_requests: both HUBs of the request (their pages show an accepted pair);
 * - hub_joint_products: both HUBs of the request the product belongs to;
 * - policy_councils: shared data (its names show on every linked HUB's page).
 */
const HUB_TABLES: [table: string, columns: string[]][] = [
  ["hub_policy_councils", ["hub_id"]],
  ["network_event_hubs", ["hub_id"]],
  ["hub_sync_requests", ["requester_hub_id", "target_hub_id"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of HUB_TABLES) {
    const args = ["own", ...columns].map((value) => `'${value}'`).join(", ");
    await statementTriggers(db, table, `hub_public_versions_statement(${args})`);
  }
  await sql`
    create function hub_public_versions_joint_product_statement() returns trigger
    language plpgsql as $$
    declare
      ids integer[] := '{}';
      part integer[];
    begin
      if tg_op <> 'DELETE' then
        select array_agg(x.id) into part from (
          select r.requester_hub_id as id from hub_sync_requests r where r.id in (select sync_request_id from new_rows)
          union all
          select r.target_hub_id from hub_sync_requests r where r.id in (select sync_request_id from new_rows)
        ) x;
        ids := ids || coalesce(part, '{}');
      end if;
      if tg_op <> 'INSERT' then
        select array_agg(x.id) into part from (
          select r.requester_hub_id as id from hub_sync_requests r where r.id in (select sync_request_id from old_rows)
          union all
          select r.target_hub_id from hub_sync_requests r where r.id in (select sync_request_id from old_rows)
        ) x;
        ids := ids || coalesce(part, '{}');
      end if;
      perform hub_public_versions_bump(ids, false);
      return null;
    end
    $$`.execute(db);
  await statementTriggers(db, "hub_joint_products", "hub_public_versions_joint_product_statement()");
  await sql`
    create trigger policy_councils_public_reference_version
    after insert or update or delete or truncate on policy_councils
    for each statement execute function public_reference_version_bump()`.execute(db);
}

/** The same trigger names as migration 120's: `table`_hub_public_versions_insert, _update, _delete. */
async function statementTriggers(db: Kysely<any>, table: string, call: string) {
  const events = [
    ["insert", "referencing new table as new_rows"],
    ["update", "referencing old table as old_rows new table as new_rows"],
    ["delete", "referencing old table as old_rows"],
  ];
  for (const [event, referencing] of events) {
    await sql`
      create trigger ${sql.raw(`${table}_hub_public_versions_${event}`)}
      after ${sql.raw(event)} on ${sql.table(table)}
      ${sql.raw(referencing)}
      for each statement execute function ${sql.raw(call)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists policy_councils_public_reference_version on policy_councils`.execute(db);
  for (const table of [...HUB_TABLES.map(([name]) => name), "hub_joint_products"]) {
    for (const event of ["insert", "update", "delete"]) await sql`drop trigger if exists ${sql.raw(`${table}_hub_public_versions_${event}`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists hub_public_versions_joint_product_statement()`.execute(db);
}
