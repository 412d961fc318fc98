import { sql, type Kysely } from "kysely";

/**
 * Public side of the registry:
 * - hub_search: one tsvector per HUB and language, built with that language's text search
 *   configuration (english, spanish, french) over unaccent()ed title, summary and description,
 *   kept current by a trigger on hub_translations (so every writer keeps it right without
 *   calling anything), with a GIN index.
 * - public_data_version: a counter bumped by statement triggers on every table the public
 *   pages read, so caches (map clusters, list counts, ETags) know when to rebuild with one
 *   single-row read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);

  await sql`
    create table hub_search (
      hub_id integer not null references hubs(id) on delete cascade,
      language text not null check (language in ('en', 'es', 'fr')),
      document tsvector not null,
      primary key (hub_id, language)
    )`.execute(db);
  await sql`create index hub_search_document_idx on hub_search using gin (document)`.execute(db);

  await sql`
    create function hub_search_config(language text) returns regconfig
    language sql immutable as $$
      select case language when 'es' then 'spanish'::regconfig when 'fr' then 'french'::regconfig else 'english'::regconfig end
    $$`.execute(db);

  await sql`
    create function hub_search_document(language text, title text, summary text, description text) returns tsvector
    language sql stable as $$
      select setweight(to_tsvector(hub_search_config(language), unaccent(coalesce(title, ''))), 'A')
          || setweight(to_tsvector(hub_search_config(language), unaccent(coalesce(summary, ''))), 'B')
          || setweight(to_tsvector(hub_search_config(language), unaccent(coalesce(description, ''))), 'C')
    $$`.execute(db);

  await sql`
    create function hub_search_refresh() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from hub_search where hub_id = old.hub_id and language = old.language;
        return old;
      end if;
      if tg_op = 'UPDATE' and (old.hub_id <> new.hub_id or old.language <> new.language) then
        delete from hub_search where hub_id = old.hub_id and language = old.language;
      end if;
      insert into hub_search (hub_id, language, document)
      values (new.hub_id, new.language, hub_search_document(new.language, new.title, new.summary, new.description))
      on conflict (hub_id, language) do update set document = excluded.document;
      return new;
    end
    $$`.execute(db);

  await sql`
    create trigger hub_translations_search
    after insert or update of title, summary, description, hub_id, language or delete on hub_translations
    for each row execute function hub_search_refresh()`.execute(db);

  await sql`
    insert into hub_search (hub_id, language, document)
    select hub_id, language, hub_search_document(language, title, summary, description) from hub_translations`.execute(db);

  await sql`create table public_data_version (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into public_data_version (id, version) values (1, 1)`.execute(db);
  await sql`
    create function public_data_version_bump() returns trigger
    language plpgsql as $$
    begin
      update public_data_version set version = version + 1 where id = 1;
      return null;
    end
    $$`.execute(db);
  for (const table of [
    "hubs",
    "hub_translations",
    "hub_goals",
    "hub_targets",
    "hub_participants",
    "hub_outcomes",
    "hub_synchronisations",
    "organisations",
    "themes",
  ]) {
    await sql`
      create trigger ${sql.raw(`${table}_public_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_data_version_bump()`.execute(db);
  }

  // Filters and the map read these often.
  await sql`create index hubs_public_recognised_idx on hubs (recognised_at desc, id desc) where status in ('recognised', 'completed')`.execute(db);
  await sql`create index hub_participants_hub_idx on hub_participants (hub_id)`.execute(db);
  await sql`create index hub_synchronisations_other_idx on hub_synchronisations (other_hub_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "hubs",
    "hub_translations",
    "hub_goals",
    "hub_targets",
    "hub_participants",
    "hub_outcomes",
    "hub_synchronisations",
    "organisations",
    "themes",
  ]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_public_version`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists hub_translations_search on hub_translations`.execute(db);
  await sql`drop index if exists hubs_public_recognised_idx`.execute(db);
  await sql`drop index if exists hub_participants_hub_idx`.execute(db);
  await sql`drop index if exists hub_synchronisations_other_idx`.execute(db);
  await sql`drop table if exists public_data_version`.execute(db);
  await sql`drop function if exists public_data_version_bump()`.execute(db);
  await sql`drop table if exists hub_search`.execute(db);
  await sql`drop function if exists hub_search_refresh()`.execute(db);
  await sql`drop function if exists hub_search_document(text, text, text, text)`.execute(db);
  await sql`drop function if exists hub_search_config(text)`.execute(db);
}
