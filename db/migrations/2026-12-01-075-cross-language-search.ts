import { sql, type Kysely } from "kysely";

/**
 * Cross-language search (issue 12): a query also matches the names of the reference data a HUB is
 * filed under, which exist in all three languages whatever the HUB's own: SDG goals (short and full
 * title), SDG targets and themes. So "education" finds a HUB under SDG 4 written only in Spanish.
 *
 * - search_reference: one tsvector per reference row and language (english, spanish, french
 *   configurations over unaccent()ed names, like hub_search), with a GIN index. 17 goals, 169 targets
 *   and the themes make about 600 rows: a query looks them up once, then the HUBs filed under the
 *   matches through the (goal, hub_id) / (target_id, hub_id) indexes and hubs_theme_idx.
 * - Row triggers on sdg_goals, sdg_targets and themes keep it current: the SDG reference sync at
 *   start-up and the secretariat's theme editor need not know it exists. An update that changes no
 *   name (the sync upserts every start) rewrites nothing.
 * The Policy Council has no names stored anywhere, so there is nothing of it to search.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table search_reference (
      kind text not null check (kind in ('goal', 'target', 'theme')),
      ref text not null,
      language text not null check (language in ('en', 'es', 'fr')),
      document tsvector not null,
      primary key (kind, ref, language)
    )`.execute(db);
  await sql`create index search_reference_document_idx on search_reference using gin (document)`.execute(db);
  await sql`create index hubs_theme_idx on hubs (theme_id) where theme_id is not null`.execute(db);

  // One row per language; `hub_search_config` (migration 030) names the configuration.
  await sql`
    create function search_reference_write(p_kind text, p_ref text, name_en text, name_es text, name_fr text) returns void
    language sql as $$
      insert into search_reference (kind, ref, language, document)
      select p_kind, p_ref, l.language, to_tsvector(hub_search_config(l.language), unaccent(coalesce(l.name, '')))
      from (values ('en', name_en), ('es', name_es), ('fr', name_fr)) as l(language, name)
      on conflict (kind, ref, language) do update set document = excluded.document
    $$`.execute(db);

  await sql`
    create function search_reference_goal_refresh() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from search_reference where kind = 'goal' and ref = old.number::text;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      perform search_reference_write('goal', new.number::text,
        new.short_en || ' ' || new.title_en, new.short_es || ' ' || new.title_es, new.short_fr || ' ' || new.title_fr);
      return new;
    end
    $$`.execute(db);
  await sql`
    create function search_reference_target_refresh() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from search_reference where kind = 'target' and ref = old.id;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      perform search_reference_write('target', new.id, new.title_en, new.title_es, new.title_fr);
      return new;
    end
    $$`.execute(db);
  await sql`
    create function search_reference_theme_refresh() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from search_reference where kind = 'theme' and ref = old.id::text;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      perform search_reference_write('theme', new.id::text, new.name_en, new.name_es, new.name_fr);
      return new;
    end
    $$`.execute(db);

  for (const [table, fn, names] of [
    ["sdg_goals", "search_reference_goal_refresh", "short_en, short_es, short_fr, title_en, title_es, title_fr"],
    ["sdg_targets", "search_reference_target_refresh", "title_en, title_es, title_fr"],
    ["themes", "search_reference_theme_refresh", "name_en, name_es, name_fr"],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_search_insert_delete`)}
      after insert or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(fn)}()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_search_update`)}
      after update on ${sql.table(table)}
      for each row when ((${sql.raw(names.split(", ").map((n) => `old.${n}`).join(", "))}) is distinct from (${sql.raw(names.split(", ").map((n) => `new.${n}`).join(", "))}))
      execute function ${sql.raw(fn)}()`.execute(db);
  }

  await sql`select search_reference_write('goal', number::text, short_en || ' ' || title_en, short_es || ' ' || title_es, short_fr || ' ' || title_fr) from sdg_goals`.execute(db);
  await sql`select search_reference_write('target', id, title_en, title_es, title_fr) from sdg_targets`.execute(db);
  await sql`select search_reference_write('theme', id::text, name_en, name_es, name_fr) from themes`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["sdg_goals", "sdg_targets", "themes"]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_search_insert_delete`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`${table}_search_update`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists search_reference_goal_refresh()`.execute(db);
  await sql`drop function if exists search_reference_target_refresh()`.execute(db);
  await sql`drop function if exists search_reference_theme_refresh()`.execute(db);
  await sql`drop function if exists search_reference_write(text, text, text, text, text)`.execute(db);
  await sql`drop index if exists hubs_theme_idx`.execute(db);
  await sql`drop table if exists search_reference`.execute(db);
}
