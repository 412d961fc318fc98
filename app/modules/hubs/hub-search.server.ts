import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/index";
import { FILTER_KEYS, type HubFilters } from "./hub-filters";
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
      with x as materialized (select ${searchQuery(q)} as q), ${referenceMatchesCte()}
      select fs.hub_id from hub_search fs, x where fs.document @@ x.q
      union all
      select hub_id from (${hubsUnderReferenceMatches()}) r)`);
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

/** `refs`: the reference rows (SDG goals, targets, themes) whose names match the query of CTE `x`. */
function referenceMatchesCte() {
  return sql`refs as (select distinct r.kind, r.ref from search_reference r, x where r.document @@ x.q)`;
}

/** (hub_id, through) of every HUB filed under a row of `refs`, through = "goal:4", "target:4.1", "theme:3". */
function hubsUnderReferenceMatches() {
  return sql`
    select g.hub_id, 'goal:' || g.goal as through from hub_goals g where g.goal in (select ref::int from refs where kind = 'goal')
    union all
    select t.hub_id, 'target:' || t.target_id from hub_targets t where t.target_id in (select ref from refs where kind = 'target')
    union all
    select th.id, 'theme:' || th.theme_id from hubs th where th.theme_id in (select ref::int from refs where kind = 'theme')`;
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
  /** The public HUBs matching, best match first (ties: newest recognition); HUBs matched only through reference names last. */
  ids: number[];
  /** How many of them serve each SDG: the SDG counts of a search with no other filter. */
  goalCounts: Record<number, number>;
  /** For a HUB whose own texts do not match: the reference names that did (its SDG goals, targets or theme). */
  through: Record<number, ReferenceMatch[]>;
}

/** A piece of reference data whose name matched a query: SDG goal "4", target "4.1", theme id "3". */
export interface ReferenceMatch {
  kind: "goal" | "target" | "theme";
  ref: string;
}

/**
 * Every public HUB matching `q`: one GIN lookup and one ranking per query and data version,
 * shared by the list, its count, the SDG counts and the map in every language. The other filters
 * then look the matches up by primary key instead of scanning every HUB to join them.
 *
 * Two ways to match, so a reader finds HUBs written in another language:
 * - the HUB's own texts, in every language it has (hub_search), ranked;
 * - the names, in all three languages, of the SDG goals and targets and the theme it is filed under
 *   (search_reference, about 600 rows: one extra GIN lookup, then the HUBs under the few matching
 *   rows through the (goal, hub_id), (target_id, hub_id) and theme indexes). These come after the
 *   text matches, newest first, and carry what matched so the list can say so.
 */
export async function searchMatches(db: DB, q: string, version?: number): Promise<SearchMatches> {
  return cachedPublic(
    db,
    `matches:${q}`,
    async () => {
      // x is materialised once: inlined, PostgreSQL would rebuild the tsquery (unaccent + 3 ×
      // websearch_to_tsquery) for every row it rechecks or ranks.
      // The text matches carry what the ranking needs (public, recognised_at, goals: migration 120's
      // search row), so they are not looked up in hubs and hub_goals one by one; only the HUBs matched
      // through a reference name read one of their search rows by key.
      const { rows } = await sql<{ id: number; goals: string | null; through: string | null }>`
        with x as materialized (select ${searchQuery(q)} as q),
        ${referenceMatchesCte()},
        candidates as (
          select rs.hub_id, ts_rank(rs.document, x.q) as rank, null::text as through, rs.is_public, rs.recognised_at, rs.goals
          from hub_search rs, x
          where rs.document @@ x.q
          union all
          select r.hub_id, -1, r.through, meta.is_public, meta.recognised_at, meta.goals
          from (${hubsUnderReferenceMatches()}) r
          cross join lateral (select m.is_public, m.recognised_at, m.goals from hub_search m where m.hub_id = r.hub_id limit 1) meta
        )
        select c.hub_id as id, max(c.goals) as goals,
          case when bool_or(c.through is null) then null else string_agg(distinct c.through, ',') end as through
        from candidates c
        where c.is_public
        group by c.hub_id
        order by max(c.rank) desc, max(c.recognised_at) desc, c.hub_id desc`.execute(db);
      const goalCounts: Record<number, number> = {};
      for (let goal = 1; goal <= 17; goal++) goalCounts[goal] = 0;
      const through: Record<number, ReferenceMatch[]> = {};
      for (const row of rows) {
        for (const goal of row.goals?.split(",") ?? []) goalCounts[Number(goal)] += 1;
        if (row.through) through[row.id] = row.through.split(",").map(parseReferenceMatch).sort(byKindAndRef);
      }
      return { ids: rows.map((row) => row.id), goalCounts, through };
    },
    version,
  );
}

function parseReferenceMatch(text: string): ReferenceMatch {
  const separator = text.indexOf(":");
  return { kind: text.slice(0, separator) as ReferenceMatch["kind"], ref: text.slice(separator + 1) };
}

const KIND_ORDER = { goal: 0, target: 1, theme: 2 };
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
