import { sql, type Kysely } from "kysely";

/**
 * A search row that carries what the ranking used to look up per match (docs/decisions/120-performance-at-scale.md):
 * whether the HUB is public, when it was recognised (the tie-break) and its SDG goals (the SDG counts of a search).
 * A BEFORE trigger on hub_search fills them from hubs and hub_goals whenever a row is written; writes to those
 * columns of hubs and to hub_goals touch the HUB's rows so the trigger runs again. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table hub_search add column is_public boolean not null default false`.execute(db);
  await sql`alter table hub_search add column recognised_at timestamptz`.execute(db);
  await sql`alter table hub_search add column goals text`.execute(db);

  await sql`
    create function hub_search_meta() returns trigger
    language plpgsql as $$
    begin
      select h.status in ('recognised', 'completed'), h.recognised_at into new.is_public, new.recognised_at from hubs h where h.id = new.hub_id;
      new.goals := (select string_agg(g.goal::text, ',' order by g.goal) from hub_goals g where g.hub_id = new.hub_id);
      return new;
    end
    $$`.execute(db);
  await sql`create trigger hub_search_meta before insert or update on hub_search for each row execute function hub_search_meta()`.execute(db);

  // Touching a HUB's rows runs hub_search_meta again. A status or recognition change, row by row (rare).
  await sql`
    create function hub_search_meta_touch_hub() returns trigger
    language plpgsql as $$
    begin
      update hub_search set hub_id = hub_id where hub_id = new.id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger hubs_search_meta after update of status, recognised_at on hubs
    for each row when (old.status is distinct from new.status or old.recognised_at is distinct from new.recognised_at)
    execute function hub_search_meta_touch_hub()`.execute(db);
  // Goals: once per statement (a seed writes thousands at once).
  await sql`
    create function hub_search_meta_touch_goals() returns trigger
    language plpgsql as $$
    begin
      if tg_op <> 'DELETE' then update hub_search set hub_id = hub_id where hub_id in (select hub_id from new_rows); end if;
      if tg_op <> 'INSERT' then update hub_search set hub_id = hub_id where hub_id in (select hub_id from old_rows); end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger hub_goals_search_meta_insert after insert on hub_goals referencing new table as new_rows for each statement execute function hub_search_meta_touch_goals()`.execute(db);
  await sql`create trigger hub_goals_search_meta_update after update on hub_goals referencing old table as old_rows new table as new_rows for each statement execute function hub_search_meta_touch_goals()`.execute(db);
  await sql`create trigger hub_goals_search_meta_delete after delete on hub_goals referencing old table as old_rows for each statement execute function hub_search_meta_touch_goals()`.execute(db);

  await sql`update hub_search set hub_id = hub_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ["insert", "update", "delete"]) await sql`drop trigger if exists ${sql.raw(`hub_goals_search_meta_${event}`)} on hub_goals`.execute(db);
  await sql`drop trigger if exists hubs_search_meta on hubs`.execute(db);
  await sql`drop trigger if exists hub_search_meta on hub_search`.execute(db);
  await sql`drop function if exists hub_search_meta_touch_goals()`.execute(db);
  await sql`drop function if exists hub_search_meta_touch_hub()`.execute(db);
  await sql`drop function if exists hub_search_meta()`.execute(db);
  await sql`alter table hub_search drop column if exists goals`.execute(db);
  await sql`alter table hub_search drop column if exists recognised_at`.execute(db);
  await sql`alter table hub_search drop column if exists is_public`.execute(db);
}
