import { sql, type Kysely } from "kysely";

/**
 * What a search needs of the reference data a HUB is filed under, one narrow row per HUB
 * (docs/decisions/120-performance-at-scale.md, search): `refs` names its SDG goals, SDG targets,
 * theme and Policy Councils the way search_reference does ('goal:4', 'target:4.1', 'theme:3',
 * 'council:2'; councils enter search_reference in migration 210), GIN-indexed, beside
 * whether the HUB is public, when it was recognised and its goals. A query's matching reference rows
 * then give every HUB filed under them with one index lookup (`refs && …`) over rows of about 100
 * bytes, instead of following hub_goals, hub_targets and hubs to each HUB and reading its wide
 * search row by key (13,000 look-ups for "housing" at 100,000 HUBs).
 *
 * Kept by triggers, like hub_search: on hubs (a new HUB; its status, recognition or theme changed),
 * hub_goals, hub_targets and hub_policy_councils (once per statement: a seed writes thousands of rows at once). A row is
 * rewritten only when something in it changes.
 *
 * hub_search is rewritten once (CLUSTER): migration 120's trigger rewrites a HUB's wide search rows
 * whenever its goals or status change, and those updates were not HOT (no room on the page), so a
 * loaded registry's hub_search was half dead space and its GIN index 2.6 times its size (254 MB
 * and 47 MB, against 127 MB and 18 MB rewritten, at 100,000 HUBs), and a search reads more of it from outside shared
 * buffers. A fillfactor of 90 leaves room on a page for one such rewrite to stay on it (HOT: no new
 * index entries); a statement that touches many neighbouring rows still moves most of them. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_search_filing (
      hub_id integer primary key references hubs(id) on delete cascade,
      is_public boolean not null,
      recognised_at timestamptz,
      goals text,
      refs text[] not null
    )`.execute(db);
  // Only public HUBs are ever searched.
  await sql`create index hub_search_filing_refs_idx on hub_search_filing using gin (refs) where is_public`.execute(db);

  await sql`
    create function hub_search_filing_refresh(hub_ids integer[]) returns void
    language sql as $$
      insert into hub_search_filing as f (hub_id, is_public, recognised_at, goals, refs)
      select h.id, h.status in ('recognised', 'completed'), h.recognised_at,
        (select string_agg(g.goal::text, ',' order by g.goal) from hub_goals g where g.hub_id = h.id),
        array(
          select 'goal:' || g.goal from hub_goals g where g.hub_id = h.id
          union all
          select 'target:' || t.target_id from hub_targets t where t.hub_id = h.id
          union all
          select 'theme:' || h.theme_id where h.theme_id is not null
          union all
          select 'council:' || c.council_id from hub_policy_councils c where c.hub_id = h.id)
      from hubs h
      where h.id = any(hub_ids)
      on conflict (hub_id) do update
        set is_public = excluded.is_public, recognised_at = excluded.recognised_at, goals = excluded.goals, refs = excluded.refs
        where (f.is_public, f.recognised_at, f.goals, f.refs) is distinct from (excluded.is_public, excluded.recognised_at, excluded.goals, excluded.refs)
    $$`.execute(db);

  await sql`
    create function hub_search_filing_hubs_inserted() returns trigger
    language plpgsql as $$
    begin
      perform hub_search_filing_refresh(array(select id from new_rows));
      return null;
    end
    $$`.execute(db);
  await sql`create trigger hubs_search_filing_insert after insert on hubs referencing new table as new_rows for each statement execute function hub_search_filing_hubs_inserted()`.execute(db);
  await sql`
    create function hub_search_filing_hub_updated() returns trigger
    language plpgsql as $$
    begin
      perform hub_search_filing_refresh(array[new.id]);
      return null;
    end
    $$`.execute(db);
  // Row by row (a trigger with a column list cannot see transition tables): status, recognition and theme change rarely.
  await sql`
    create trigger hubs_search_filing_update after update of status, recognised_at, theme_id on hubs
    for each row when ((old.status, old.recognised_at, old.theme_id) is distinct from (new.status, new.recognised_at, new.theme_id))
    execute function hub_search_filing_hub_updated()`.execute(db);

  await sql`
    create function hub_search_filing_links_changed() returns trigger
    language plpgsql as $$
    begin
      if tg_op <> 'DELETE' then perform hub_search_filing_refresh(array(select distinct hub_id from new_rows)); end if;
      if tg_op <> 'INSERT' then perform hub_search_filing_refresh(array(select distinct hub_id from old_rows)); end if;
      return null;
    end
    $$`.execute(db);
  for (const table of ["hub_goals", "hub_targets", "hub_policy_councils"]) {
    await sql`create trigger ${sql.raw(`${table}_search_filing_insert`)} after insert on ${sql.table(table)} referencing new table as new_rows for each statement execute function hub_search_filing_links_changed()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_filing_update`)} after update on ${sql.table(table)} referencing old table as old_rows new table as new_rows for each statement execute function hub_search_filing_links_changed()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_filing_delete`)} after delete on ${sql.table(table)} referencing old table as old_rows for each statement execute function hub_search_filing_links_changed()`.execute(db);
  }

  await sql`select hub_search_filing_refresh(array(select id from hubs))`.execute(db);

  await sql`alter table hub_search set (fillfactor = 90)`.execute(db);
  await sql`cluster hub_search using hub_search_pkey`.execute(db);
  await sql`analyze hub_search`.execute(db);
  await sql`analyze hub_search_filing`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table hub_search reset (fillfactor)`.execute(db);
  for (const table of ["hub_goals", "hub_targets", "hub_policy_councils"]) {
    for (const event of ["insert", "update", "delete"]) await sql`drop trigger if exists ${sql.raw(`${table}_search_filing_${event}`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists hubs_search_filing_update on hubs`.execute(db);
  await sql`drop trigger if exists hubs_search_filing_insert on hubs`.execute(db);
  await sql`drop function if exists hub_search_filing_links_changed()`.execute(db);
  await sql`drop function if exists hub_search_filing_hub_updated()`.execute(db);
  await sql`drop function if exists hub_search_filing_hubs_inserted()`.execute(db);
  await sql`drop function if exists hub_search_filing_refresh(integer[])`.execute(db);
  await sql`drop table if exists hub_search_filing`.execute(db);
}
