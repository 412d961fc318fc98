import { sql, type Kysely } from "kysely";

/**
 * Finer invalidation of the public pages (docs/decisions/120-performance-at-scale.md). The registry-wide
 * public_data_version (migration 030) still moves at every write and still keys the lists, the map
 * and the exports; beside it:
 * - hub_public_versions: one version per HUB, moved by row triggers on every table the HUB page shows
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
          union all
          select case when s.hub_id = any(ids) then s.other_hub_id else s.hub_id end
          from hub_synchronisations s
          where with_linked and (s.hub_id = any(ids) or s.other_hub_id = any(ids))
        ) every_id
        where id is not null
      ) touched
      on conflict (hub_id) do update set version = excluded.version
    $$`.execute(db);

  // TG_ARGV[0]: 'linked' or 'own'; the rest: the columns that hold HUB ids.
  await sql`
    create function hub_public_versions_row() returns trigger
    language plpgsql as $$
    declare
      ids integer[] := '{}';
      i integer;
    begin
      for i in 1 .. tg_nargs - 1 loop
        if tg_op <> 'DELETE' then ids := ids || (to_jsonb(new) ->> tg_argv[i])::integer; end if;
        if tg_op <> 'INSERT' then ids := ids || (to_jsonb(old) ->> tg_argv[i])::integer; end if;
      end loop;
      perform hub_public_versions_bump(ids, tg_argv[0] = 'linked');
      return null;
    end
    $$`.execute(db);

  // The parts of a progress update belong to the HUB of their update.
  await sql`
    create function hub_public_versions_update_row() returns trigger
    language plpgsql as $$
    begin
      perform hub_public_versions_bump(array(
        select u.hub_id from progress_updates u
        where u.id in (case when tg_op <> 'DELETE' then new.update_id end, case when tg_op <> 'INSERT' then old.update_id end)
      ), false);
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
    await sql`
      create trigger ${sql.raw(`${table}_hub_public_versions`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function hub_public_versions_row(${sql.raw(args)})`.execute(db);
  }
  for (const table of UPDATE_TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_hub_public_versions`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function hub_public_versions_update_row()`.execute(db);
  }
  for (const table of REFERENCE_TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_public_reference_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_reference_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of HUB_TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_hub_public_versions`)} on ${sql.table(table)}`.execute(db);
  for (const table of UPDATE_TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_hub_public_versions`)} on ${sql.table(table)}`.execute(db);
  for (const table of REFERENCE_TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_public_reference_version`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists public_reference_version_bump()`.execute(db);
  await sql`drop function if exists hub_public_versions_update_row()`.execute(db);
  await sql`drop function if exists hub_public_versions_row()`.execute(db);
  await sql`drop function if exists hub_public_versions_bump(integer[], boolean)`.execute(db);
  await sql`drop table if exists public_reference_version`.execute(db);
  await sql`drop table if exists hub_public_versions`.execute(db);
  await sql`drop sequence if exists public_version_seq`.execute(db);
}
