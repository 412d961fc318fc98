import { sql, type Kysely } from "kysely";

/**
 * One row per reference name each HUB is filed under (docs/decisions/120-performance-at-scale.md,
 * section 19): hub_search_filing's `refs` unnested, beside what a search reads of the HUB (public,
 * recognised_at, goals). The HUBs filed under a query's matching reference names are then the rows
 * of those names, read in order from one covering index (an index-only scan), instead of a GIN
 * lookup followed by every matching HUB's filing row, one heap page each.
 *
 * A common word's reference names cover 17,000 HUBs at 100,000: 1,731 filing pages against 210 index
 * pages. A database connection that has not read a page before pays for mapping it (section 17),
 * so the first search of "solar" on such a connection spent 42 ms in those pages, 19 ms here.
 *
 * Kept by a trigger on hub_search_filing, whose rows migration 200's triggers keep: a row written
 * or deleted there is written or deleted here. The GIN index on hub_search_filing.refs has no reader
 * left and is dropped (every filing write paid for it). Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_search_filing_postings (
      ref text not null,
      hub_id integer not null,
      is_public boolean not null,
      recognised_at timestamptz,
      goals text
    )`.execute(db);

  await sql`
    create function hub_search_filing_postings_sync() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from hub_search_filing_postings where hub_id = old.hub_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into hub_search_filing_postings (ref, hub_id, is_public, recognised_at, goals)
        select r.ref, new.hub_id, new.is_public, new.recognised_at, new.goals from unnest(new.refs) as r(ref);
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger hub_search_filing_postings_sync after insert or update or delete on hub_search_filing for each row execute function hub_search_filing_postings_sync()`.execute(db);

  await sql`
    insert into hub_search_filing_postings (ref, hub_id, is_public, recognised_at, goals)
    select r.ref, f.hub_id, f.is_public, f.recognised_at, f.goals from hub_search_filing f, unnest(f.refs) as r(ref)`.execute(db);
  // A name's public HUBs in order with everything a search reads (an index-only scan); the second index is the trigger's.
  await sql`create index hub_search_filing_postings_ref_idx on hub_search_filing_postings (ref) include (hub_id, recognised_at, goals) where is_public`.execute(db);
  await sql`create index hub_search_filing_postings_hub_idx on hub_search_filing_postings (hub_id)`.execute(db);
  await sql`drop index hub_search_filing_refs_idx`.execute(db);
  await sql`analyze hub_search_filing_postings`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists hub_search_filing_refs_idx on hub_search_filing using gin (refs) where is_public`.execute(db);
  await sql`drop trigger if exists hub_search_filing_postings_sync on hub_search_filing`.execute(db);
  await sql`drop function if exists hub_search_filing_postings_sync()`.execute(db);
  await sql`drop table if exists hub_search_filing_postings`.execute(db);
}
