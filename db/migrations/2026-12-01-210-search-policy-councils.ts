import { sql, type Kysely } from "kysely";

/**
 * Policy Council names in the search (issue 12: "a query also matches SDG goal and target names, theme
 * names and Policy Council names in all three languages"). Migration 075 could not: the councils had no
 * stored names before migration 150. Now a council is a reference row like a theme: search_reference
 * gets kind 'council' (its three names, kept by triggers on policy_councils, so the secretariat's
 * renaming is searched at once), and hub_search_filing already files each HUB under 'council:{id}'
 * (migration 200). Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table search_reference drop constraint search_reference_kind_check`.execute(db);
  await sql`alter table search_reference add constraint search_reference_kind_check check (kind in ('goal', 'target', 'theme', 'council'))`.execute(db);
  await sql`
    create function search_reference_council_refresh() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from search_reference where kind = 'council' and ref = old.id::text;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      perform search_reference_write('council', new.id::text, new.name_en, new.name_es, new.name_fr);
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger policy_councils_search_insert_delete
    after insert or delete on policy_councils
    for each row execute function search_reference_council_refresh()`.execute(db);
  await sql`
    create trigger policy_councils_search_update
    after update on policy_councils
    for each row when ((old.name_en, old.name_es, old.name_fr) is distinct from (new.name_en, new.name_es, new.name_fr))
    execute function search_reference_council_refresh()`.execute(db);
  await sql`select search_reference_write('council', id::text, name_en, name_es, name_fr) from policy_councils`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists policy_councils_search_update on policy_councils`.execute(db);
  await sql`drop trigger if exists policy_councils_search_insert_delete on policy_councils`.execute(db);
  await sql`drop function if exists search_reference_council_refresh()`.execute(db);
  await sql`delete from search_reference where kind = 'council'`.execute(db);
  await sql`alter table search_reference drop constraint search_reference_kind_check`.execute(db);
  await sql`alter table search_reference add constraint search_reference_kind_check check (kind in ('goal', 'target', 'theme'))`.execute(db);
}
