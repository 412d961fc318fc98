import { sql, type Kysely } from "kysely";

/**
 * One row per word of each search row (docs/decisions/120-performance-at-scale.md, section 11): for
 * every lexeme of a hub_search document, its rank in that document alone (`ts_rank` of the document
 * against that one lexeme) beside what a search needs of the HUB (public, recognised_at, goals). A
 * search for one word (a query that is only lexemes joined by OR, which is what a word typed in the
 * three configurations gives) then reads a few index pages in order, the rows of that word alone, with
 * an index-only scan, instead of the wide document of every HUB that matches (3,500 rows on 3,400
 * pages for a common word at 100,000 HUBs; the first search of a word was bound by reading them).
 *
 * The rank of an OR of lexemes is what `ts_rank` computes for it: the sum, over the query's distinct
 * lexemes, of each one's rank alone, divided by their number (calc_rank_or in PostgreSQL's tsrank.c),
 * so the postings give the same ranks and the same order.
 *
 * Kept by a trigger on hub_search, whose rows migration 120's triggers keep: a row written or
 * deleted there is written or deleted here. Lexemes with a quote or a backslash are left out (they
 * cannot be written as one tsquery literal); a query that has one is answered from hub_search.
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_search_postings (
      lexeme text not null,
      hub_id integer not null,
      language text not null,
      score real not null,
      is_public boolean not null,
      recognised_at timestamptz,
      goals text
    )`.execute(db);

  await sql`
    create function hub_search_postings_of(search_row hub_search) returns setof hub_search_postings
    language sql stable as $$
      select l.lexeme, search_row.hub_id, search_row.language, ts_rank(search_row.document, quote_literal(l.lexeme)::tsquery), search_row.is_public, search_row.recognised_at, search_row.goals
      from unnest(search_row.document) as l
      where l.lexeme !~ '[''\\\\]'
    $$`.execute(db);

  await sql`
    create function hub_search_postings_sync() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from hub_search_postings where hub_id = old.hub_id and language = old.language;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into hub_search_postings select * from hub_search_postings_of(new);
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger hub_search_postings_sync after insert or update or delete on hub_search for each row execute function hub_search_postings_sync()`.execute(db);

  await sql`insert into hub_search_postings select p.* from hub_search s, hub_search_postings_of(s) p`.execute(db);
  // A word's rows in order with everything a search reads (an index-only scan); the second index is the trigger's.
  await sql`create index hub_search_postings_lexeme_idx on hub_search_postings (lexeme) include (hub_id, language, score, is_public, recognised_at, goals)`.execute(db);
  await sql`create index hub_search_postings_hub_idx on hub_search_postings (hub_id, language)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists hub_search_postings_sync on hub_search`.execute(db);
  await sql`drop function if exists hub_search_postings_sync()`.execute(db);
  await sql`drop function if exists hub_search_postings_of(hub_search)`.execute(db);
  await sql`drop table if exists hub_search_postings`.execute(db);
}
