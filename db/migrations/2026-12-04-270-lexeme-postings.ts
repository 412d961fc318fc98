import { sql, type Kysely } from "kysely";
import { up as createSearchPostings } from "./2026-12-02-250-search-postings";

/**
 * One posting per lexeme and public HUB (docs/decisions/120-performance-at-scale.md, section 23), in
 * place of migration 250's one per lexeme, HUB and language: the lexeme's rank in each of the HUB's
 * search rows (0 where that language's text does not have it), beside what a search reads of the HUB
 * (recognised_at, goals). Only public HUBs have postings, so a search needs no filter on them.
 *
 * Why: a word typed once is stemmed in three configurations, and almost always only one of those
 * lexemes is in any HUB's texts (so for each of the benchmark's 45 words). With one row per HUB, that
 * lexeme's postings are the word's matches, ranked as they are read: no grouping by HUB. Grouping
 * them built a hash table of about a megabyte per search, and on a machine where a fresh page of
 * memory costs about 10 µs to map, its page faults were most of a first search's query. A word found
 * as several lexemes is answered from the documents (app/modules/hubs/hub-search.server.ts).
 *
 * The rank of one lexeme in a HUB is what migration 250 stored per language: `ts_rank` of that
 * language's document against the lexeme alone. A search's rank is unchanged: ts_rank's for an OR
 * sums each lexeme's rank alone over the query's lexemes, and with one of them found, that is its
 * rank in the HUB's best language, over the number of the query's lexemes.
 *
 * Kept by a row trigger on hub_search, as 250's postings were, one language at a time: a search row
 * written upserts its lexemes' score in its language, and clears that language's score of the
 * lexemes it no longer has (all of them when the HUB stops being public); a posting left with no
 * score is deleted. Each write touches only its own language's column, so two transactions writing
 * two languages of one HUB do not undo each other (the upsert waits for the other's row and
 * updates the version it committed). Lexemes with a quote or a backslash are left out, as in 250.
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_lexeme_postings (
      lexeme text not null,
      hub_id integer not null,
      score_en real not null default 0,
      score_es real not null default 0,
      score_fr real not null default 0,
      recognised_at timestamptz,
      goals text
    )`.execute(db);

  await sql`
    create function hub_lexeme_postings_sync() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.is_public then
        update hub_lexeme_postings p set
          score_en = case when old.language = 'en' then 0 else p.score_en end,
          score_es = case when old.language = 'es' then 0 else p.score_es end,
          score_fr = case when old.language = 'fr' then 0 else p.score_fr end
        where p.hub_id = old.hub_id
          and p.lexeme in (
            select l.lexeme from unnest(old.document) as l
            except
            select l.lexeme from unnest(new.document) as l where tg_op = 'UPDATE' and new.is_public);
        delete from hub_lexeme_postings p where p.hub_id = old.hub_id and p.score_en = 0 and p.score_es = 0 and p.score_fr = 0;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.is_public then
        insert into hub_lexeme_postings as p (lexeme, hub_id, score_en, score_es, score_fr, recognised_at, goals)
        select s.lexeme, new.hub_id,
          case when new.language = 'en' then s.score else 0 end,
          case when new.language = 'es' then s.score else 0 end,
          case when new.language = 'fr' then s.score else 0 end,
          new.recognised_at, new.goals
        from (
          select l.lexeme, ts_rank(new.document, quote_literal(l.lexeme)::tsquery) as score
          from unnest(new.document) as l
          where l.lexeme !~ '[''\\\\]'
        ) s
        on conflict (hub_id, lexeme) do update set
          score_en = case when new.language = 'en' then excluded.score_en else p.score_en end,
          score_es = case when new.language = 'es' then excluded.score_es else p.score_es end,
          score_fr = case when new.language = 'fr' then excluded.score_fr else p.score_fr end,
          recognised_at = excluded.recognised_at,
          goals = excluded.goals;
      end if;
      return null;
    end
    $$`.execute(db);

  // Built from migration 250's postings, which hold the same ranks per language.
  await sql`
    insert into hub_lexeme_postings (lexeme, hub_id, score_en, score_es, score_fr, recognised_at, goals)
    select p.lexeme, p.hub_id,
      coalesce(max(p.score) filter (where p.language = 'en'), 0),
      coalesce(max(p.score) filter (where p.language = 'es'), 0),
      coalesce(max(p.score) filter (where p.language = 'fr'), 0),
      max(p.recognised_at), max(p.goals collate "C")
    from hub_search_postings p where p.is_public
    group by p.lexeme, p.hub_id`.execute(db);
  // A lexeme's HUBs with everything a search reads (an index-only scan). Keyed by the lexeme alone, as
  // in 250: a new HUB's postings go after each lexeme's others and leave full pages behind; keyed by
  // (lexeme, hub_id) they split pages in half and a word's postings lay on twice the pages.
  await sql`create index hub_lexeme_postings_lexeme_idx on hub_lexeme_postings (lexeme) include (hub_id, score_en, score_es, score_fr, recognised_at, goals)`.execute(db);
  // The upsert's arbiter and the trigger's look-ups by HUB (a new HUB's go at the end).
  await sql`create unique index hub_lexeme_postings_hub_idx on hub_lexeme_postings (hub_id, lexeme)`.execute(db);
  await sql`create trigger hub_lexeme_postings_sync after insert or update or delete on hub_search for each row execute function hub_lexeme_postings_sync()`.execute(db);

  await sql`drop trigger hub_search_postings_sync on hub_search`.execute(db);
  await sql`drop function hub_search_postings_sync()`.execute(db);
  await sql`drop function hub_search_postings_of(hub_search)`.execute(db);
  await sql`drop table hub_search_postings`.execute(db);
  await sql`analyze hub_lexeme_postings`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists hub_lexeme_postings_sync on hub_search`.execute(db);
  await sql`drop function if exists hub_lexeme_postings_sync()`.execute(db);
  await sql`drop table if exists hub_lexeme_postings`.execute(db);
  await createSearchPostings(db);
}
