import { sql, type Kysely } from "kysely";

/**
 * Frozen once landed. The exchange space's search "in three languages" (issue 16): migration 150
 * indexed titles and posts with the `simple` configuration, which does not stem, so "ciudad" missed
 * "ciudades" and "city" missed "cities". Each thread title and post is now indexed like the HUB
 * texts (migration 030): with the thread's language configuration (`hub_search_config`: english,
 * spanish, french) over unaccent()ed text. unaccent is not immutable, so the documents cannot stay
 * generated columns: triggers keep them, and the GIN indexes of migration 150 stay as they are.
 * A post has no language of its own: it is indexed in its thread's, and a thread whose language
 * changes re-indexes its posts. The search ORs the three configurations' queries (searchQuery in
 * app/modules/hubs/hub-search.server.ts), so a reader finds words of any of the three languages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table exchange_threads alter column document drop expression`.execute(db);
  await sql`alter table exchange_posts alter column document drop expression`.execute(db);

  // One definition of an exchange text's document, for the triggers and the backfill below.
  await sql`
    create function exchange_document(language text, body text) returns tsvector
    language sql stable as $$ select to_tsvector(hub_search_config(language), unaccent(body)) $$`.execute(db);

  await sql`
    create function exchange_thread_document() returns trigger
    language plpgsql as $$
    begin
      new.document := exchange_document(new.language, new.title);
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger exchange_threads_document
    before insert or update of title, language on exchange_threads
    for each row execute function exchange_thread_document()`.execute(db);

  await sql`
    create function exchange_post_document() returns trigger
    language plpgsql as $$
    begin
      new.document := exchange_document((select t.language from exchange_threads t where t.id = new.thread_id), new.body);
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger exchange_posts_document
    before insert or update of body, thread_id on exchange_posts
    for each row execute function exchange_post_document()`.execute(db);

  await sql`
    create function exchange_thread_language_reindex() returns trigger
    language plpgsql as $$
    begin
      update exchange_posts p set document = exchange_document(new.language, p.body)
      where p.thread_id = new.id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger exchange_threads_language_reindex
    after update of language on exchange_threads
    for each row when (old.language is distinct from new.language)
    execute function exchange_thread_language_reindex()`.execute(db);

  await sql`update exchange_threads set document = exchange_document(language, title)`.execute(db);
  await sql`
    update exchange_posts p set document = exchange_document(t.language, p.body)
    from exchange_threads t where t.id = p.thread_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists exchange_threads_language_reindex on exchange_threads`.execute(db);
  await sql`drop trigger if exists exchange_posts_document on exchange_posts`.execute(db);
  await sql`drop trigger if exists exchange_threads_document on exchange_threads`.execute(db);
  await sql`drop function if exists exchange_thread_language_reindex()`.execute(db);
  await sql`drop function if exists exchange_post_document()`.execute(db);
  await sql`drop function if exists exchange_thread_document()`.execute(db);
  await sql`drop function if exists exchange_document(text, text)`.execute(db);
  for (const [table, column] of [
    ["exchange_threads", "title"],
    ["exchange_posts", "body"],
  ]) {
    await sql`drop index if exists ${sql.raw(`${table}_document_idx`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column document`.execute(db);
    await sql`alter table ${sql.table(table)} add column document tsvector generated always as (to_tsvector('simple', ${sql.ref(column)})) stored`.execute(db);
    await sql`create index ${sql.raw(`${table}_document_idx`)} on ${sql.table(table)} using gin (document)`.execute(db);
  }
}
