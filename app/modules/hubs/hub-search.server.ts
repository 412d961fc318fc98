import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/index";
import { FILTER_KEYS, type HubFilters } from "./hub-filters";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { isPublicHubSql, publicStatusSql } from "./lifecycle.server";
import { cachedPublic } from "./public-cache.server";

// ---------------------------------------------------------------------------------------------
// Filters, as one SQL condition over `hubs as h` joined with `organisations as o` (the lead).

/** websearch syntax in the three configurations, OR-ed: a French reader finds Spanish words. */
export function searchQuery(q: string) {
  return sql`(websearch_to_tsquery('english', unaccent(${q})) || websearch_to_tsquery('spanish', unaccent(${q})) || websearch_to_tsquery('french', unaccent(${q})))`;
}

export interface FilterConditionOptions {
  ignore?: (keyof HubFilters)[];
  /** The ids `searchMatches` found for `filters.q`: the text condition becomes an id list (see there). */
  matches?: number[];
}

export function hubFilterCondition(filters: HubFilters, today: string, options: FilterConditionOptions = {}): RawBuilder<SqlBool> {
  const ignore = new Set(options.ignore ?? []);
  const use = <K extends keyof HubFilters>(key: K) => (ignore.has(key) ? undefined : filters[key]);
  const conditions = [isPublicHubSql()];
  const sdg = use("sdg");
  if (sdg !== undefined) conditions.push(sql`exists (select 1 from hub_goals fg where fg.hub_id = h.id and fg.goal = ${sdg})`);
  const target = use("target");
  if (target !== undefined) conditions.push(sql`exists (select 1 from hub_targets ft where ft.hub_id = h.id and ft.target_id = ${target})`);
  const theme = use("theme");
  if (theme !== undefined) conditions.push(sql`h.theme_id = (select th.id from themes th where th.slug = ${theme})`);
  const council = use("council");
  if (council !== undefined)
    conditions.push(sql`exists (select 1 from hub_policy_councils fpc join policy_councils pc on pc.id = fpc.council_id where fpc.hub_id = h.id and pc.slug = ${council})`);
  const region = use("region");
  if (region !== undefined) conditions.push(sql`o.region = ${region}`);
  const country = use("country");
  if (country !== undefined) conditions.push(sql`o.country_code = ${country}`);
  const status = use("status");
  if (status !== undefined) conditions.push(sql`${publicStatusSql(today)} = ${status}`);
  const year = use("year");
  if (year !== undefined) conditions.push(sql`h.start_date >= ${`${year}-01-01`} and h.start_date < ${`${year + 1}-01-01`}`);
  const q = use("q");
  // A semi-join on unnest, not `= any(…)`: a generic plan then still looks each match up by key
  // rather than searching the whole array for every HUB.
  if (q !== undefined && options.matches) conditions.push(sql`h.id in (select unnest(${idArray(options.matches)}))`);
  // Without matches (the exports), the search itself: a scalar subquery is computed once (an
  // InitPlan), so the index recheck compares with a value instead of calling unaccent and
  // websearch_to_tsquery three times per candidate row.
  else if (q !== undefined) {
    conditions.push(sql`h.id in (
      with x as materialized (select ${searchQuery(q)} as q), ${matchedReferencesCte()}
      select fs.hub_id from hub_search fs, x where fs.document @@ x.q
      union all
      select f.hub_id from (${hubsFiledUnderMatchedReferences()}) f)`);
  }
  const bbox = use("bbox");
  if (bbox !== undefined) {
    const [west, south, east, north] = bbox;
    conditions.push(sql`h.latitude between ${south} and ${north}`);
    if (west <= east) conditions.push(sql`h.longitude between ${west} and ${east}`);
    else conditions.push(sql`(h.longitude >= ${west} or h.longitude <= ${east})`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * `refs`: one row, the reference rows (SDG goals, targets, themes, Policy Councils) whose names match
 * the query of CTE `x`, as hub_search_filing names them ('goal:4', 'target:4.1', 'theme:3', 'council:2';
 * migrations 200 and 210).
 */
function matchedReferencesCte() {
  return sql`refs as materialized (
    select coalesce(array_agg(distinct r.kind || ':' || r.ref), '{}'::text[]) as refs from search_reference r, x where r.document @@ x.q)`;
}

/**
 * (hub_id, recognised_at, goals) of the postings (migration 260) of every public HUB filed under a
 * row of `refs`, read from one covering index: a HUB under two matching names has two.
 */
function filedUnderMatchedReferences() {
  return sql`select f.hub_id, f.recognised_at, f.goals from hub_search_filing_postings f
    where f.ref = any((select refs.refs from refs)::text[]) and f.is_public`;
}

/**
 * The same HUBs once each: a sort keeps one of each HUB's postings (hashing them was 7 ms slower for
 * a common word's 17,000).
 */
function hubsFiledUnderMatchedReferences() {
  return sql`select distinct on (f.hub_id) f.hub_id, f.recognised_at, f.goals from (${filedUnderMatchedReferences()}) f order by f.hub_id`;
}

/** An int[] parameter, sent as one array literal: both drivers pass a string through unchanged. */
export function idArray(ids: number[]) {
  return sql`${`{${ids.join(",")}}`}::int[]`;
}

export function publicHubsFrom(db: DB, filters: HubFilters, today: string, options: FilterConditionOptions = {}) {
  return db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .where(hubFilterCondition(filters, today, options));
}

// ---------------------------------------------------------------------------------------------
// Text search

export interface SearchMatches {
  /** The query text these are the matches of. */
  query: string;
  /**
   * Every public HUB matching, as a set: those whose own texts match first, then those matched only
   * through reference names, each part in no particular order. `head` and `rankedMatchIds` give the order.
   */
  ids: number[];
  /** The first RANKED_HEAD of the list's order (best match first; ties: newest recognition; matches through reference names last, newest first), or all when there are fewer. */
  head: number[];
  /** How many of them serve each SDG: the SDG counts of a search with no other filter. */
  goalCounts: Record<number, number>;
  /** `ids` from this index on matched only through reference names (their own texts do not match). */
  referenceOnlyFrom: number;
  /** The reference rows whose names matched ('goal:4', 'target:4.1', 'theme:3', 'council:2'): what `matchedThrough` tells. */
  references: string[];
}

/** A piece of reference data whose name matched a query: SDG goal "4", target "4.1", theme id "3", Policy Council id "2". */
export interface ReferenceMatch {
  kind: "goal" | "target" | "theme" | "council";
  ref: string;
}

/**
 * How much of the order a first search computes: the first five pages of the list. Ordering every
 * match (17,000 for a common word at 100,000 HUBs) was a third of a first search; the later pages
 * and a search combined with other filters ask `rankedMatchIds`.
 */
export const RANKED_HEAD = 100;

/**
 * Every public HUB matching `q`: one query per query text and data version, shared by the list, its
 * count, the SDG counts and the map in every language. The other filters then look the matches up
 * by primary key instead of scanning every HUB to join them.
 *
 * Two ways to match, so a reader finds HUBs written in another language:
 * - the HUB's own texts, in every language it has (hub_search, whose rows carry what the ranking
 *   needs: public, recognised_at, goals), ranked;
 * - the names, in all three languages, of the SDG goals and targets, the theme and the Policy Councils
 *   it is filed under (search_reference, about 600 rows: one extra GIN lookup), then the HUBs filed under the matching
 *   rows from their postings (hub_search_filing_postings, migration 260: one covering index). These
 *   come after the text matches, newest first; `matchedThrough` says which names matched.
 *
 * Only the head of the order is sorted here (a top-N sort); the whole order is `rankedMatchIds`.
 * The postings under matching names come as read, a HUB under two of them twice: `referenceOnly`
 * keeps each HUB once and leaves out those whose texts match. PostgreSQL did that with a sort and an
 * anti-join in fresh memory, half of a common name's statement ("solar", 17,600 postings: 21 → 10 ms
 * warm; decision 120, section 24). Their order by recognition is sorted only when the text matches
 * do not fill the head.
 */
export async function searchMatches(db: DB, q: string, version?: number): Promise<SearchMatches> {
  return cachedPublic(
    db,
    `matches:${q}`,
    async () => {
      // The lists come back as one row of comma-separated ids (16,000 rows would cost more to send
      // and parse than to join). Each part's ids and goals are joined in one pass over it: a third
      // pass over both parts, for the goals, cost a common word 3 to 6 ms (decision 120, section 18).
      // The filed postings' goals are joined with ';' between postings (a HUB without goals gives an
      // empty part), so each posting's goals can be told apart and counted only for a HUB kept.
      const { rows } = await sql<{ direct_head: string | null; direct: string | null; direct_goals: string | null; reference_head: string | null; filed: string | null; filed_goals: string | null; refs: string[] | string }>`
        ${matchingCtes(q)}
        select
          (select string_agg(d.hub_id::text, ',') from (select d.hub_id from direct d order by d.rank desc, d.recognised_at desc, d.hub_id desc limit ${sql.lit(RANKED_HEAD)}) d) as direct_head,
          d.ids as direct, d.goals as direct_goals,
          (select string_agg(r.hub_id::text, ',') from (
            select r.hub_id from by_reference r where (select count(*) from (select from direct limit ${sql.lit(RANKED_HEAD)}) c) < ${sql.lit(RANKED_HEAD)}
            order by r.recognised_at desc, r.hub_id desc limit ${sql.lit(RANKED_HEAD)}) r) as reference_head,
          f.ids as filed, f.goals as filed_goals,
          (select refs from refs) as refs
        from (select string_agg(d.hub_id::text, ',') as ids, string_agg(d.goals, ',') as goals from direct d) d,
          (select string_agg(f.hub_id::text, ',') as ids, string_agg(coalesce(f.goals, ''), ';') as goals from (${filedUnderMatchedReferences()}) f) f`.execute(db);
      const row = rows[0];
      const direct = idList(row.direct);
      const directHead = idList(row.direct_head);
      const head = directHead.length < RANKED_HEAD ? directHead.concat(idList(row.reference_head)).slice(0, RANKED_HEAD) : directHead;
      const goalCounts = countGoals(row.direct_goals);
      return {
        query: q,
        ids: direct.concat(referenceOnly(direct, row.filed, row.filed_goals, goalCounts)),
        head,
        goalCounts,
        referenceOnlyFrom: direct.length,
        references: textArray(row.refs),
      };
    },
    version,
  );
}

/** Every match of `q` in the list's order (see `SearchMatches.head`): for the pages after the head, and for a search with other filters. */
export async function rankedMatchIds(db: DB, q: string, version?: number): Promise<number[]> {
  return cachedPublic(
    db,
    `ranked:${q}`,
    async () => {
      const { rows } = await sql<{ direct: string | null; by_reference: string | null }>`
        ${matchingCtes(q)}
        select
          (select string_agg(d.hub_id::text, ',') from (select d.hub_id from direct d order by d.rank desc, d.recognised_at desc, d.hub_id desc) d) as direct,
          (select string_agg(r.hub_id::text, ',') from (select r.hub_id from by_reference r order by r.recognised_at desc, r.hub_id desc) r) as by_reference`.execute(db);
      return idList(rows[0].direct).concat(idList(rows[0].by_reference));
    },
    version,
  );
}

/** `count` of the matches from `offset` on, in the list's order: from the head when it reaches that far. */
export async function rankedMatchPage(db: DB, matches: SearchMatches, offset: number, count: number, version?: number): Promise<number[]> {
  if (offset + count <= matches.head.length || matches.head.length === matches.ids.length) return matches.head.slice(offset, offset + count);
  return (await rankedMatchIds(db, matches.query, version)).slice(offset, offset + count);
}

/**
 * What both searches share: `x` (the query; when it is one word, its lexemes and those of them that
 * some public HUB has), `refs`, `direct` (each public HUB whose own texts match: rank, recognised_at,
 * goals) and `by_reference` (those matched only through reference names).
 *
 * x is materialised once: inlined, PostgreSQL would rebuild the tsquery (unaccent + 3 ×
 * websearch_to_tsquery) for every row it rechecks or ranks.
 * A word typed once is stemmed in the three configurations, and almost always only one of those
 * lexemes is in any HUB's texts. When the query is only lexemes joined by OR and exactly one of them
 * is found, its postings (migration 270: one row per lexeme and public HUB, with its rank in each
 * language) are the matches, one row per HUB, ranked as they are read: ts_rank's rank for an OR is
 * the sum over the query's lexemes of each one's rank alone, in the HUB's best language, over the
 * number of the query's lexemes, and here the sum has one term. Any other query (several words, a
 * phrase, a minus, or a word found as several lexemes) reads the documents. Grouping postings by HUB
 * was most of a first search's query on this machine: PostgreSQL builds a hash table for every
 * grouping when the statement starts, run or not, and mapping its fresh memory cost more than the
 * rest (decision 120, section 23).
 * `(select … from x)` gates each branch once, before either reads anything.
 * Goals compare bytewise (collate "C": a HUB's rows share its goals, and the
 * database's collation would call strcoll for each comparison). A list is sorted in a subquery and
 * then joined, which PostgreSQL 15 does in a third of the time of `string_agg(… order by …)` (that
 * sorts the aggregate's whole input tuples); the order of a sorted subquery's rows reaches a plain
 * aggregate over it unchanged. search-row.test.ts checks the order.
 */
function matchingCtes(q: string) {
  const scores = SUPPORTED_LANGUAGES.map((language) => sql.ref(`p.score_${language}`));
  return sql`
    with x as materialized (
      select w.q, w.words, array(select l from unnest(w.words) as l where exists (select 1 from hub_lexeme_postings f where f.lexeme = l)) as found
      from (
        select s.q, case when s.q::text ~ ${ONE_WORD_QUERY} then array(select distinct m[1] from regexp_matches(s.q::text, ${QUERY_LEXEME}, 'g') as m) end as words
        from (select ${searchQuery(q)} as q) s
        -- Kept a subquery (offset 0), so the lexemes are listed once rather than once per use.
        offset 0
      ) w
    ),
    ${matchedReferencesCte()},
    direct as (
      select p.hub_id, greatest(${sql.join(scores)}) / (select cardinality(x.words) from x)::real as rank, p.recognised_at, p.goals
      from hub_lexeme_postings p
      where (select cardinality(x.found) = 1 from x) and p.lexeme = (select x.found[1] from x)
      union all
      select s.hub_id, max(ts_rank(s.document, x.q)) as rank, max(s.recognised_at) as recognised_at, max(s.goals collate "C") as goals
      from hub_search s, x
      where (select cardinality(x.found) <> 1 from x) and s.document @@ x.q and s.is_public
      group by s.hub_id
    ),
    by_reference as (
      select r.hub_id, r.recognised_at, r.goals from (${hubsFiledUnderMatchedReferences()}) r
      where not exists (select 1 from direct d where d.hub_id = r.hub_id)
    )`;
}

/** A tsquery's text that is only lexemes joined by OR, none with a quote or a backslash (migrations 250 and 270 leave those out). */
const ONE_WORD_QUERY = "^'[^'\\\\]+'( \\| '[^'\\\\]+')*$";
/** Each lexeme of such a text. */
const QUERY_LEXEME = "'([^'\\\\]+)'";

/**
 * Comma-separated numbers read in one pass over the characters. A common word's lists hold 20,000
 * ids and 60,000 goal numbers: splitting them into strings first made a string of each, about 5 ms
 * of the main thread per first search (decision 120, section 17).
 */
function forEachNumber(text: string | null, each: (value: number) => void) {
  if (!text) return;
  let value = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === COMMA) {
      each(value);
      value = 0;
    } else value = value * 10 + (code - DIGIT_ZERO);
  }
  each(value);
}
const COMMA = 44;
const DIGIT_ZERO = 48;

function idList(text: string | null): number[] {
  const ids: number[] = [];
  forEachNumber(text, (id) => ids.push(id));
  return ids;
}

/** How many of the goals in `text` (matches' goals, comma-separated) are each SDG. */
function countGoals(text: string | null): Record<number, number> {
  const counts: Record<number, number> = {};
  for (let goal = 1; goal <= 17; goal++) counts[goal] = 0;
  forEachNumber(text, (goal) => {
    if (goal in counts) counts[goal] += 1;
  });
  return counts;
}

/**
 * The HUBs of `filed` (postings' ids, comma-separated) that are not in `direct`, once each, in the
 * order read; the goals of each one kept (`filedGoals`: each posting's goals, comma-separated, the
 * postings' parts joined by ';', in the same order) are added to `counts`. One pass over both texts
 * (a common name's 17,600 postings are 240,000 characters), into typed arrays.
 */
function referenceOnly(direct: number[], filed: string | null, filedGoals: string | null, counts: Record<number, number>): number[] {
  if (!filed || filedGoals === null) return [];
  let largest = 0;
  for (const id of direct) if (id > largest) largest = id;
  // One byte per id: 100,000 HUBs take 100 KB, and a look-up is an index. Grown when a posting's id is past its end.
  let seen = new Uint8Array(largest + 1);
  for (const id of direct) seen[id] = 1;
  const kept: number[] = [];
  const goalTotals = new Int32Array(18);
  let goalAt = 0;
  let id = 0;
  for (let idAt = 0; idAt <= filed.length; idAt++) {
    const code = idAt < filed.length ? filed.charCodeAt(idAt) : COMMA;
    if (code !== COMMA) {
      id = id * 10 + (code - DIGIT_ZERO);
      continue;
    }
    if (id >= seen.length) {
      const grown = new Uint8Array(Math.max(id + 1, 2 * seen.length));
      grown.set(seen);
      seen = grown;
    }
    const keep = seen[id] === 0;
    if (keep) kept.push(id);
    seen[id] = 1;
    id = 0;
    // This posting's goals, up to the next ';' (none for a HUB without goals).
    let goal = 0;
    while (goalAt < filedGoals.length) {
      const goalCode = filedGoals.charCodeAt(goalAt++);
      if (goalCode === SEMICOLON) break;
      if (goalCode === COMMA) {
        if (keep) goalTotals[goal]++;
        goal = 0;
      } else goal = goal * 10 + (goalCode - DIGIT_ZERO);
    }
    if (keep && goal > 0) goalTotals[goal]++;
  }
  for (let goal = 1; goal <= 17; goal++) counts[goal] += goalTotals[goal];
  return kept;
}
const SEMICOLON = 59;

/** A text[] column: postgres.js parses it, PGlite may hand over the literal ('{goal:4,"target:4.1"}'). */
function textArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((item) => item.replace(/^"|"$/g, "")) : [];
}

/**
 * For each of `ids` (a page of the list) found only through reference names: which of the names it is
 * filed under matched (its SDG goals, targets, theme or councils), sorted goal, target, theme, council. One look-up by key.
 */
export async function matchedThrough(db: DB, matches: SearchMatches, ids: number[]): Promise<Record<number, ReferenceMatch[]>> {
  // One pass over the reference-only matches against the page's few ids: a Set of the 16,000
  // matches, built for every page, cost a millisecond each time (decision 120, section 17).
  const onPage = new Set(ids);
  const wanted: number[] = [];
  for (let index = matches.referenceOnlyFrom; index < matches.ids.length; index++) {
    if (onPage.has(matches.ids[index])) wanted.push(matches.ids[index]);
  }
  if (wanted.length === 0) return {};
  const matched = new Set(matches.references);
  const rows = await db.selectFrom("hub_search_filing").select(["hub_id", "refs"]).where("hub_id", "in", wanted).execute();
  const through: Record<number, ReferenceMatch[]> = {};
  for (const row of rows) {
    const found = textArray(row.refs as string[] | string).filter((ref) => matched.has(ref));
    if (found.length > 0) through[row.hub_id] = found.map(parseReferenceMatch).sort(byKindAndRef);
  }
  return through;
}

function parseReferenceMatch(text: string): ReferenceMatch {
  const separator = text.indexOf(":");
  return { kind: text.slice(0, separator) as ReferenceMatch["kind"], ref: text.slice(separator + 1) };
}

const KIND_ORDER = { goal: 0, target: 1, theme: 2, council: 3 };
function byKindAndRef(a: ReferenceMatch, b: ReferenceMatch) {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.ref.localeCompare(b.ref, "en", { numeric: true });
}

/** The search's matches when `filters` has a text query (for `FilterConditionOptions.matches`). */
export async function matchesFor(db: DB, filters: HubFilters, version?: number): Promise<SearchMatches | undefined> {
  return filters.q === undefined ? undefined : searchMatches(db, filters.q, version);
}

/** True when the text query is the only filter left once `ignore` is set aside. */
export function onlySearch(filters: HubFilters, ignore: (keyof HubFilters)[] = []): boolean {
  return FILTER_KEYS.every((key) => key === "q" || ignore.includes(key) || filters[key] === undefined);
}
