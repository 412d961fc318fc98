import { sql, type RawBuilder, type SqlBool } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import type { WorldRegion } from "../../../db/schema";
import type { Language } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { pickText } from "~/modules/i18n/text-fallback";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { FILTER_KEYS, filterKey, type HubFilters } from "./hub-filters";
import type { HubListItem } from "./hub-list";
import { joinHubTexts, hubText, hubTextLanguage } from "./hub-texts.server";
import { PUBLIC_STORED_STATUSES, publicStatusOf, type PublicHubStatus } from "./lifecycle";
import { isPublicHubSql, publicStatusSql } from "./lifecycle.server";

/** A list item, with its point on the map. */
export interface PublicHubSummary extends HubListItem {
  latitude: number;
  longitude: number;
}

export interface PublicHubPage {
  hubs: PublicHubSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

// ---------------------------------------------------------------------------------------------
// Cache: everything the public pages compute from the registry is kept per database handle and
// dropped as soon as public_data_version (bumped by triggers on every public table) moves.

interface CacheState {
  version: number;
  entries: Map<string, Promise<unknown>>;
}
const caches = new WeakMap<object, CacheState>();
const MAX_CACHE_ENTRIES = 300;

/** The counter the triggers of migration 030 bump on every write to a public table. */
export function getPublicDataVersion(db: DB): Promise<number> {
  // Reads that overlap share one query: a page's loaders and concurrent requests ask at once.
  const pending = inFlight.get(db);
  if (pending) return pending;
  const read = db
    .selectFrom("public_data_version")
    .select("version")
    .where("id", "=", 1)
    .executeTakeFirst()
    .then((row) => (row ? Number(row.version) : 0))
    .finally(() => inFlight.delete(db));
  inFlight.set(db, read);
  return read;
}
const inFlight = new WeakMap<object, Promise<number>>();

/**
 * Computes `key` once per data version (and per `today`, which callers put in the key). The
 * promise is what is kept, so requests that ask at the same time share one computation.
 */
export async function cachedPublic<T>(db: DB, key: string, compute: () => Promise<T>, version?: number): Promise<T> {
  const current = version ?? (await getPublicDataVersion(db));
  let state = caches.get(db);
  if (!state || state.version !== current) {
    state = { version: current, entries: new Map() };
    caches.set(db, state);
  }
  const entries = state.entries;
  const cached = entries.get(key) as Promise<T> | undefined;
  if (cached) {
    // Least recently used goes first when full.
    entries.delete(key);
    entries.set(key, cached);
    return cached;
  }
  const value = compute();
  if (entries.size >= MAX_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, value);
  // A failure is not kept: the next request tries again.
  value.catch(() => entries.get(key) === value && entries.delete(key));
  return value;
}

/** The SDG goals in `language` for the public pages (reference data: cached like the rest). */
export function publicSdgGoals(db: DB, language: Language): Promise<SdgGoal[]> {
  return cachedPublic(db, `goals:${language}`, () => listSdgGoals(db, language));
}

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
  else if (q !== undefined) conditions.push(sql`h.id in (select fs.hub_id from hub_search fs where fs.document @@ (select ${searchQuery(q)}))`);
  const bbox = use("bbox");
  if (bbox !== undefined) {
    const [west, south, east, north] = bbox;
    conditions.push(sql`h.latitude between ${south} and ${north}`);
    if (west <= east) conditions.push(sql`h.longitude between ${west} and ${east}`);
    else conditions.push(sql`(h.longitude >= ${west} or h.longitude <= ${east})`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** An int[] parameter, sent as one array literal: both drivers pass a string through unchanged. */
function idArray(ids: number[]) {
  return sql`${`{${ids.join(",")}}`}::int[]`;
}

function publicHubsFrom(db: DB, filters: HubFilters, today: string, options: FilterConditionOptions = {}) {
  return db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .where(hubFilterCondition(filters, today, options));
}

// ---------------------------------------------------------------------------------------------
// Text search

export interface SearchMatches {
  /** The public HUBs matching, best match first (ties: newest recognition). */
  ids: number[];
  /** How many of them serve each SDG: the SDG counts of a search with no other filter. */
  goalCounts: Record<number, number>;
}

/**
 * Every public HUB matching `q`: one GIN lookup and one ranking per query and data version,
 * shared by the list, its count, the SDG counts and the map in every language. The other filters
 * then look the matches up by primary key instead of scanning every HUB to join them.
 */
export async function searchMatches(db: DB, q: string, version?: number): Promise<SearchMatches> {
  return cachedPublic(
    db,
    `matches:${q}`,
    async () => {
      // `offset 0` in x keeps PostgreSQL from inlining x.q into ts_rank and the recheck, which
      // would rebuild the tsquery (unaccent + 3 × websearch_to_tsquery) for every matching row.
      // `offset 0` in h keeps one primary-key look-up per match: the planner, pricing random reads
      // as if from disk, would rather scan all 100,000 HUBs to join a few thousand matches (3× slower).
      const { rows } = await sql<{ id: number; goals: string | null }>`
        select m.hub_id as id, h.goals
        from (
          select rs.hub_id, max(ts_rank(rs.document, x.q)) as rank
          from hub_search rs, (select ${searchQuery(q)} as q offset 0) x
          where rs.document @@ x.q
          group by rs.hub_id
        ) m
        cross join lateral (
          select h.recognised_at, (select string_agg(g.goal::text, ',') from hub_goals g where g.hub_id = h.id) as goals
          from hubs h
          where h.id = m.hub_id and ${isPublicHubSql()}
          offset 0
        ) h
        order by m.rank desc, h.recognised_at desc, m.hub_id desc`.execute(db);
      const goalCounts: Record<number, number> = {};
      for (let goal = 1; goal <= 17; goal++) goalCounts[goal] = 0;
      for (const row of rows) for (const goal of row.goals?.split(",") ?? []) goalCounts[Number(goal)] += 1;
      return { ids: rows.map((row) => row.id), goalCounts };
    },
    version,
  );
}

/** The search's matches when `filters` has a text query (for `FilterConditionOptions.matches`). */
async function matchesFor(db: DB, filters: HubFilters, version?: number): Promise<SearchMatches | undefined> {
  return filters.q === undefined ? undefined : searchMatches(db, filters.q, version);
}

/** True when the text query is the only filter left once `ignore` is set aside. */
function onlySearch(filters: HubFilters, ignore: (keyof HubFilters)[] = []): boolean {
  return FILTER_KEYS.every((key) => key === "q" || ignore.includes(key) || filters[key] === undefined);
}

// ---------------------------------------------------------------------------------------------
// The list

export const PAGE_SIZE = 20;

/** Recognised, active and completed HUBs matching `filters`, one page at a time; best match first when searching, else newest. */
export async function listPublicHubs(
  db: DB,
  {
    language,
    today,
    filters = {},
    page = 1,
    pageSize = PAGE_SIZE,
  }: { language: Language; today: string; filters?: HubFilters; page?: number; pageSize?: number },
): Promise<PublicHubPage> {
  const version = await getPublicDataVersion(db);
  const key = filterKey(filters);
  const matches = await matchesFor(db, filters, version);
  const total =
    matches && onlySearch(filters)
      ? matches.ids.length
      : await cachedPublic(db, `count:${today}:${key}`, () => countPublicHubs(db, filters, today, matches?.ids), version);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const hubs = await cachedPublic(
    db,
    `list:${language}:${today}:${pageSize}:${current}:${key}`,
    () => queryPublicHubs(db, { language, today, filters, matches: matches?.ids, offset: (current - 1) * pageSize, limit: pageSize }),
    version,
  );
  return { hubs, total, page: current, pageSize, pageCount };
}

async function countPublicHubs(db: DB, filters: HubFilters, today: string, matches: number[] | undefined): Promise<number> {
  const row = await publicHubsFrom(db, filters, today, { matches })
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function queryPublicHubs(
  db: DB,
  {
    language,
    today,
    filters,
    matches,
    offset,
    limit,
  }: { language: Language; today: string; filters: HubFilters; matches: number[] | undefined; offset: number; limit: number },
): Promise<PublicHubSummary[]> {
  // Step 1: the page's HUB ids, in order, from a lean query (filters, sort, limit).
  let idQuery = publicHubsFrom(db, filters, today, { ignore: matches ? ["q"] : [] }).select("h.id");
  if (matches) {
    // The matches come best first: their position is the sort order.
    const ranked = sql<{ id: number; position: number }>`unnest(${idArray(matches)}) with ordinality`;
    // Kysely cannot type a join on a raw table function: the cast keeps the builder's own type.
    idQuery = (idQuery as any)
      .innerJoin(sql`${ranked} as m(id, position)`, (join: any) => join.onRef("m.id", "=", "h.id"))
      .orderBy(sql`m.position`) as typeof idQuery;
  }
  const ids = (await idQuery.orderBy("h.recognised_at", "desc").orderBy("h.id", "desc").offset(offset).limit(limit).execute()).map((row) => row.id);
  if (ids.length === 0) return [];

  // Step 2: texts, place and goals of those HUBs only.
  const found = await joinHubTexts(db.selectFrom("hubs as h").innerJoin("organisations as o", "o.id", "h.lead_organisation_id"), language)
    .where("h.id", "in", ids)
    .select((eb) => [
      "h.id",
      "h.slug",
      "h.status",
      "h.original_language",
      "h.start_date",
      "h.end_date",
      "h.latitude",
      "h.longitude",
      "o.city",
      "o.country_code",
      hubText("title").as("title"),
      hubText("summary").as("summary"),
      hubTextLanguage(language, ["title", "summary"]).as("text_language"),
      publicStatusSql(today).as("public_status"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_goals as g")
          .select(["g.goal as number", "g.is_primary as isPrimary"])
          .whereRef("g.hub_id", "=", "h.id")
          .orderBy("g.is_primary", "desc")
          .orderBy("g.goal"),
      ).as("goals"),
    ])
    .execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.map((id) => byId.get(id)).filter((row) => row !== undefined);

  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    textLanguage: row.text_language,
    city: row.city,
    countryCode: row.country_code.trim(),
    status: row.public_status,
    startDate: row.start_date,
    endDate: row.end_date,
    latitude: row.latitude,
    longitude: row.longitude,
    goals: row.goals,
  }));
}

/** How many HUBs each SDG has under the current filters (the SDG filter itself left out, so every goal shows what choosing it gives). */
export async function countHubsBySdg(db: DB, { today, filters = {} }: { today: string; filters?: HubFilters }): Promise<Record<number, number>> {
  const ignore: (keyof HubFilters)[] = ["sdg", "target"];
  const version = await getPublicDataVersion(db);
  const key = `sdgcounts:${today}:${filterKey({ ...filters, sdg: undefined, target: undefined })}`;
  return cachedPublic(db, key, async () => {
    const matches = await matchesFor(db, filters, version);
    if (matches && onlySearch(filters, ignore)) return matches.goalCounts;
    const rows = await db
      .selectFrom("hub_goals as g")
      .where("g.hub_id", "in", publicHubsFrom(db, filters, today, { ignore, matches: matches?.ids }).select("h.id"))
      .select(["g.goal", sql<number>`count(*)`.as("n")])
      .groupBy("g.goal")
      .execute();
    const counts: Record<number, number> = {};
    for (let goal = 1; goal <= 17; goal++) counts[goal] = 0;
    for (const row of rows) counts[row.goal] = Number(row.n);
    return counts;
  }, version);
}

export interface FilterOptions {
  themes: { slug: string; name: string }[];
  /** Sorted by name in the page's language. */
  countries: { code: string; name: string }[];
  years: number[];
  targets: { id: string; goal: number; title: string }[];
}

/** What the filter controls offer: themes, the countries and start years that have public HUBs, and the SDG targets. */
export async function getFilterOptions(db: DB, language: Language): Promise<FilterOptions> {
  return cachedPublic(db, `options:${language}`, async () => {
    const [themes, countries, years, targets] = await Promise.all([
      db.selectFrom("themes").select(["slug", `name_${language}`]).orderBy("position").orderBy("slug").execute(),
      db
        .selectFrom("hubs as h")
        .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
        .where("h.status", "in", PUBLIC_STORED_STATUSES)
        .select("o.country_code")
        .distinct()
        .execute(),
      db
        .selectFrom("hubs as h")
        .where("h.status", "in", PUBLIC_STORED_STATUSES)
        .select(sql<number>`extract(year from h.start_date)::int`.as("year"))
        .distinct()
        .execute(),
      db.selectFrom("sdg_targets").select(["id", "goal", `title_${language}`]).orderBy("goal").orderBy("position").execute(),
    ]);
    return {
      themes: themes.map((theme) => ({ slug: theme.slug, name: (theme as Record<string, string>)[`name_${language}`] })),
      countries: sortedCountries(countries.map((row) => row.country_code.trim()), language),
      years: years.map((row) => Number(row.year)).sort((a, b) => a - b),
      targets: targets.map((target) => ({ id: target.id, goal: target.goal, title: (target as unknown as Record<string, string>)[`title_${language}`] })),
    };
  });
}

function sortedCountries(codes: string[], language: Language) {
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------
// Points for the map (all matching HUBs, light: the map endpoint clusters them)

export interface MapPoint {
  /** Internal: to intersect with search matches. Never sent to the browser. */
  id: number;
  slug: string;
  latitude: number;
  longitude: number;
  goal: number;
  goals: number[];
  status: PublicHubStatus;
  city: string;
  titles: Record<Language, string>;
}

export async function listMapPoints(db: DB, { today, filters = {} }: { today: string; filters?: HubFilters }): Promise<MapPoint[]> {
  const matches = await matchesFor(db, filters);
  const rows = await publicHubsFrom(db, { ...filters, bbox: undefined }, today, { matches: matches?.ids })
    .leftJoin("hub_goals as pg", (join) => join.onRef("pg.hub_id", "=", "h.id").on("pg.is_primary", "=", true))
    .select([
      "h.id",
      "h.slug",
      "h.latitude",
      "h.longitude",
      "o.city",
      sql<number>`coalesce(pg.goal, 0)`.as("goal"),
      sql<string | null>`(select string_agg(ag.goal::text, ',' order by ag.is_primary desc, ag.goal) from hub_goals ag where ag.hub_id = h.id)`.as("goals"),
      publicStatusSql(today).as("public_status"),
      sql<string>`(select string_agg(t.language || ':' || coalesce(t.title, ''), chr(31)) from hub_translations t where t.hub_id = h.id)`.as("titles"),
      "h.original_language",
    ])
    .execute();
  return rows.map((row) => {
    const texts = (row.titles ?? "").split("\u001f").map((part) => ({ language: part.slice(0, 2) as Language, title: part.slice(3) || null }));
    const titleIn = (language: Language) => pickText(texts, "title", language, row.original_language)?.text ?? row.slug;
    return {
      id: row.id,
      slug: row.slug,
      latitude: row.latitude,
      longitude: row.longitude,
      goal: row.goal,
      goals: row.goals ? row.goals.split(",").map(Number) : [],
      status: row.public_status,
      city: row.city,
      titles: { en: titleIn("en"), es: titleIn("es"), fr: titleIn("fr") },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// One HUB, every public field

export interface PublicHubTexts {
  title: string;
  summary: string;
  description: string;
  localGlobalLink: string | null;
  acceleration: string | null;
  synchronisation: string | null;
}

export interface PublicHubDetail {
  /** Internal: for joining other modules' data in loaders. Never published (the open data leaves it out). */
  id: number;
  slug: string;
  status: PublicHubStatus;
  originalLanguage: Language;
  /** For each text field, the language it is shown in (the page's, or the original when untranslated). */
  textLanguages: Record<keyof PublicHubTexts, Language>;
  texts: PublicHubTexts;
  availableLanguages: Language[];
  theme: { slug: string; name: string } | null;
  latitude: number;
  longitude: number;
  startDate: string;
  endDate: string;
  website: string | null;
  recognisedAt: string | null;
  updatedAt: string;
  lead: { name: string; city: string; countryCode: string; region: WorldRegion; latitude: number; longitude: number };
  participants: { name: string; city: string; countryCode: string; latitude: number; longitude: number }[];
  goals: { number: number; isPrimary: boolean }[];
  targets: { id: string; goal: number; title: string }[];
  outcomes: {
    /** Internal, like `id`. */
    id: number;
    position: number;
    statement: string;
    indicator: string;
    baseline: number | null;
    targetValue: number | null;
    unit: string | null;
    milestone: string | null;
    dueDate: string;
  }[];
  partners: string[];
  synchronisedWith: { slug: string; title: string; textLanguage: Language; city: string; countryCode: string }[];
}

const TEXT_FIELDS = ["title", "summary", "description", "local_global_link", "acceleration", "synchronisation"] as const;
const TEXT_KEYS: Record<(typeof TEXT_FIELDS)[number], keyof PublicHubTexts> = {
  title: "title",
  summary: "summary",
  description: "description",
  local_global_link: "localGlobalLink",
  acceleration: "acceleration",
  synchronisation: "synchronisation",
};

/** A public HUB by slug, or null when there is none (or it is not public: drafts and the like are a 404). */
export async function getPublicHub(db: DB, { slug, language, today }: { slug: string; language: Language; today: string }): Promise<PublicHubDetail | null> {
  const hub = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .leftJoin("themes as th", "th.id", "h.theme_id")
    .where("h.slug", "=", slug)
    .where("h.status", "in", PUBLIC_STORED_STATUSES)
    .select([
      "h.id",
      "h.slug",
      "h.status",
      "h.original_language",
      "h.latitude",
      "h.longitude",
      "h.start_date",
      "h.end_date",
      "h.website",
      "h.recognised_at",
      "h.updated_at",
      "o.name as lead_name",
      "o.city as lead_city",
      "o.country_code as lead_country",
      "o.region as lead_region",
      "o.latitude as lead_latitude",
      "o.longitude as lead_longitude",
      "th.slug as theme_slug",
      `th.name_${language} as theme_name` as "th.name_en as theme_name",
    ])
    .executeTakeFirst();
  if (!hub) return null;

  const [translations, goals, targets, outcomes, partners, participants, synchronised] = await Promise.all([
    db.selectFrom("hub_translations").selectAll().where("hub_id", "=", hub.id).execute(),
    db.selectFrom("hub_goals").select(["goal", "is_primary"]).where("hub_id", "=", hub.id).orderBy("is_primary", "desc").orderBy("goal").execute(),
    db
      .selectFrom("hub_targets as ht")
      .innerJoin("sdg_targets as st", "st.id", "ht.target_id")
      .where("ht.hub_id", "=", hub.id)
      .select(["st.id", "st.goal", `st.title_${language} as title` as "st.title_en as title"])
      .orderBy("st.goal")
      .orderBy("st.position")
      .execute(),
    db
      .selectFrom("hub_outcomes")
      .select(["id", "position", "statement", "indicator", "baseline", "target_value", "unit", "milestone", "due_date"])
      .where("hub_id", "=", hub.id)
      .orderBy("position")
      .execute(),
    db.selectFrom("hub_partners").select("name").where("hub_id", "=", hub.id).orderBy("position").execute(),
    db
      .selectFrom("hub_participants as p")
      .innerJoin("organisations as po", "po.id", "p.organisation_id")
      .where("p.hub_id", "=", hub.id)
      .select(["po.name", "po.city", "po.country_code", "po.latitude", "po.longitude"])
      .orderBy("po.name")
      .execute(),
    // Linked both ways: a link stored from either side shows on both HUB pages.
    joinHubTexts(db.selectFrom("hubs as s").innerJoin("organisations as so", "so.id", "s.lead_organisation_id"), language, "s")
      .where("s.status", "in", PUBLIC_STORED_STATUSES)
      // Two indexed look-ups (one per direction), not an OR that would scan every HUB.
      .where(
        "s.id",
        "in",
        await db
          .selectFrom("hub_synchronisations")
          .select("other_hub_id as id")
          .where("hub_id", "=", hub.id)
          .union(db.selectFrom("hub_synchronisations").select("hub_id as id").where("other_hub_id", "=", hub.id))
          .execute()
          .then((rows) => (rows.length ? rows.map((row) => row.id) : [-1])),
      )
      .select([
        "s.slug",
        "s.original_language",
        "so.city",
        "so.country_code",
        hubText("title").as("title"),
        hubTextLanguage(language, ["title"], "s").as("text_language"),
      ])
      .orderBy("s.slug")
      .execute(),
  ]);

  const texts = {} as Record<keyof PublicHubTexts, string | null>;
  const textLanguages = {} as Record<keyof PublicHubTexts, Language>;
  for (const field of TEXT_FIELDS) {
    const key = TEXT_KEYS[field];
    const picked = pickText(translations, field, language, hub.original_language);
    texts[key] = picked?.text ?? null;
    textLanguages[key] = picked?.language ?? hub.original_language;
  }

  return {
    id: hub.id,
    slug: hub.slug,
    status: publicStatusOf({ status: hub.status, startDate: hub.start_date, endDate: hub.end_date }, today)!,
    originalLanguage: hub.original_language,
    textLanguages,
    texts: { ...texts, title: texts.title ?? hub.slug, summary: texts.summary ?? "", description: texts.description ?? "" },
    availableLanguages: translations.filter((row) => row.title !== null).map((row) => row.language),
    theme: hub.theme_slug ? { slug: hub.theme_slug, name: hub.theme_name as string } : null,
    latitude: hub.latitude,
    longitude: hub.longitude,
    startDate: hub.start_date,
    endDate: hub.end_date,
    website: hub.website,
    recognisedAt: hub.recognised_at ? new Date(hub.recognised_at).toISOString() : null,
    updatedAt: new Date(hub.updated_at).toISOString(),
    lead: {
      name: hub.lead_name,
      city: hub.lead_city,
      countryCode: hub.lead_country.trim(),
      region: hub.lead_region,
      latitude: hub.lead_latitude,
      longitude: hub.lead_longitude,
    },
    participants: participants.map((row) => ({
      name: row.name,
      city: row.city,
      countryCode: row.country_code.trim(),
      latitude: row.latitude,
      longitude: row.longitude,
    })),
    goals: goals.map((row) => ({ number: row.goal, isPrimary: row.is_primary })),
    targets: targets.map((row) => ({ id: row.id, goal: row.goal, title: row.title })),
    outcomes: outcomes.map((row) => ({
      id: row.id,
      position: row.position,
      statement: row.statement,
      indicator: row.indicator,
      baseline: row.baseline,
      targetValue: row.target_value,
      unit: row.unit,
      milestone: row.milestone,
      dueDate: row.due_date,
    })),
    partners: partners.map((row) => row.name),
    synchronisedWith: synchronised.map((row) => ({
      slug: row.slug,
      title: row.title,
      textLanguage: row.text_language,
      city: row.city,
      countryCode: row.country_code.trim(),
    })),
  };
}
