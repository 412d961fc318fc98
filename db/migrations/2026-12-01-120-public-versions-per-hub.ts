import { sql, type Kysely } from "kysely";

/**
 * Finer invalidation of the public pages (docs/decisions/120-performance-at-scale.md). The registry-wide
 * public_data_version (migration 030) still moves at every write and still keys the lists, the map
 * and the exports; beside it:
 * - hub_public_versions: one version per HUB, moved by triggers on every table the HUB page shows
 *   of that HUB (a HUB's title and status also move the HUBs synchronised with it, whose pages name it);
 * - public_reference_version: moved by the tables every HUB page shows of shared data
 *   (organisations, themes, SDG goals and targets).
 * A HUB page stays cached while both are unchanged (server/page-cache.ts), so one city's edit no longer
 * empties the cache of every other HUB's page. Values come from one sequence: a version never repeats.
 * Frozen once landed.
 */
const HUB_TABLES: [table: string, columns: string[]][] = [
  ["hubs", ["id"]],
  ["hub_translations", ["hub_id"]],
  ["hub_goals", ["hub_id"]],
  ["hub_targets", ["hub_id"]],
  ["hub_participants", ["hub_id"]],
  ["hub_outcomes", ["hub_id"]],
  ["hub_partners", ["hub_id"]],
  ["hub_synchronisations", ["hub_id", "other_hub_id"]],
  ["hub_events", ["hub_id"]],
  ["hub_documents", ["hub_id"]],
  ["hub_change_requests", ["hub_id"]],
  ["progress_updates", ["hub_id"]],
];
const UPDATE_TABLES = ["progress_update_translations", "progress_update_outcomes", "progress_update_activities", "progress_update_evidence"];
const REFERENCE_TABLES = ["organisations", "themes", "sdg_goals", "sdg_targets"];
/** What other HUBs' pages show of a HUB: its title, slug and status (synchronised HUBs). */
const SHOWN_ON_LINKED_PAGES = ["hubs", "hub_translations"];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence public_version_seq`.execute(db);
  await sql`create table hub_public_versions (hub_id integer primary key, version bigint not null)`.execute(db);
  await sql`create table public_reference_version (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into public_reference_version (id, version) values (1, nextval('public_version_seq'))`.execute(db);

  await sql`
    create function hub_public_versions_bump(ids integer[], with_linked boolean) returns void
    language sql as $$
      insert into hub_public_versions (hub_id, version)
      select touched.id, nextval('public_version_seq')
      from (
        select distinct id from (
          select unnest(ids) as id
          -- Two index look-ups (primary key, other_hub_id index), not one scan with an "or".
          union all
          select s.other_hub_id from hub_synchronisations s where with_linked and s.hub_id = any(ids)
          union all
          select s.hub_id from hub_synchronisations s where with_linked and s.other_hub_id = any(ids)
        ) every_id
        where id is not null
      ) touched
      on conflict (hub_id) do update set version = excluded.version
    $$`.execute(db);

  // Statement triggers with transition tables: a bulk write (a seed, an import) bumps each HUB once
  // per statement instead of once per row. TG_ARGV[0]: 'linked' or 'own'; the rest: the columns
  // that hold HUB ids.
  await sql`
    create function hub_public_versions_statement() returns trigger
    language plpgsql as $$
    declare
      ids integer[] := '{}';
      part integer[];
      i integer;
    begin
      for i in 1 .. tg_nargs - 1 loop
        if tg_op <> 'DELETE' then
          execute format('select array_agg(%I) from new_rows', tg_argv[i]) into part;
          ids := ids || coalesce(part, '{}');
        end if;
        if tg_op <> 'INSERT' then
          execute format('select array_agg(%I) from old_rows', tg_argv[i]) into part;
          ids := ids || coalesce(part, '{}');
        end if;
      end loop;
      perform hub_public_versions_bump(ids, tg_argv[0] = 'linked');
      return null;
    end
    $$`.execute(db);

  // The parts of a progress update belong to the HUB of their update.
  await sql`
    create function hub_public_versions_update_statement() returns trigger
    language plpgsql as $$
    declare
      ids integer[] := '{}';
      part integer[];
    begin
      if tg_op <> 'DELETE' then
        select array_agg(u.hub_id) into part from progress_updates u where u.id in (select update_id from new_rows);
        ids := ids || coalesce(part, '{}');
      end if;
      if tg_op <> 'INSERT' then
        select array_agg(u.hub_id) into part from progress_updates u where u.id in (select update_id from old_rows);
        ids := ids || coalesce(part, '{}');
      end if;
      perform hub_public_versions_bump(ids, false);
      return null;
    end
    $$`.execute(db);

  await sql`
    create function public_reference_version_bump() returns trigger
    language plpgsql as $$
    begin
      update public_reference_version set version = nextval('public_version_seq') where id = 1;
      return null;
    end
    $$`.execute(db);

  for (const [table, columns] of HUB_TABLES) {
    const args = [SHOWN_ON_LINKED_PAGES.includes(table) ? "linked" : "own", ...columns].map((value) => `'${value}'`).join(", ");
    await statementTriggers(db, table, "hub_public_versions", `hub_public_versions_statement(${args})`);
  }
  for (const table of UPDATE_TABLES) await statementTriggers(db, table, "hub_public_versions", "hub_public_versions_update_statement()");
  for (const table of REFERENCE_TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_public_reference_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_reference_version_bump()`.execute(db);
  }
}

/** `name`_insert, _update and _delete: a statement trigger for each event (transition tables allow one event per trigger). */
async function statementTriggers(db: Kysely<any>, table: string, name: string, call: string) {
  const events = [
    ["insert", "referencing new table as new_rows"],
    ["update", "referencing old table as old_rows new table as new_rows"],
    ["delete", "referencing old table as old_rows"],
  ];
  for (const [event, referencing] of events) {
    await sql`
      create trigger ${sql.raw(`${table}_${name}_${event}`)}
      after ${sql.raw(event)} on ${sql.table(table)}
      ${sql.raw(referencing)}
      for each statement execute function ${sql.raw(call)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...HUB_TABLES.map(([name]) => name), ...UPDATE_TABLES]) {
    for (const event of ["insert", "update", "delete"]) await sql`drop trigger if exists ${sql.raw(`${table}_hub_public_versions_${event}`)} on ${sql.table(table)}`.execute(db);
  }
  for (const table of REFERENCE_TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_public_reference_version`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists public_reference_version_bump()`.execute(db);
  await sql`drop function if exists hub_public_versions_update_statement()`.execute(db);
  await sql`drop function if exists hub_public_versions_statement()`.execute(db);
  await sql`drop function if exists hub_public_versions_bump(integer[], boolean)`.execute(db);
  await sql`drop table if exists public_reference_version`.execute(db);
  await sql`drop table if exists hub_public_versions`.execute(db);
  await sql`drop sequence if exists public_version_seq`.execute(db);
}
