import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { filterKey, type HubFilters } from "./hub-filters";
import type { HubListItem } from "./hub-list";
import { hubText, hubTextLanguage, joinHubTexts } from "./hub-texts.server";
import { publicStatusSql } from "./lifecycle.server";
import { idArray, matchedThrough, matchesFor, onlySearch, publicHubsFrom, rankedMatchIds, rankedMatchPage, type ReferenceMatch, type SearchMatches } from "./hub-search.server";
import { publicSdgGoals } from "./public-filter-options.server";
import { listThemeNames } from "./themes.server";
import { listSdgTargets } from "~/modules/sdg/sdg.server";
import { cachedPublic, getPublicDataVersion } from "./public-cache.server";
import { listPolicyCouncils } from "~/modules/network/policy-councils.server";

/** A list item, with its point on the map. */
export interface PublicHubSummary extends HubListItem {
  latitude: number;
  longitude: number;
}

type PublicHubRow = PublicHubSummary & { id: number };

export interface PublicHubPage {
  hubs: PublicHubSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
// ---------------------------------------------------------------------------------------------
// The list

export const PAGE_SIZE = 20;

/**
 * Recognised, active and completed HUBs matching `filters`, one page at a time; best match first
 * when searching, else newest. `version`: the public data version, when the caller read it (the
 * map page: `publicPageVersion`).
 */
export async function listPublicHubs(
  db: DB,
  {
    language,
    today,
    filters = {},
    page = 1,
    pageSize = PAGE_SIZE,
    version: versionRead,
  }: { language: Language; today: string; filters?: HubFilters; page?: number; pageSize?: number; version?: number },
): Promise<PublicHubPage> {
  const version = versionRead ?? (await getPublicDataVersion(db));
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
    async () => {
      const offset = (current - 1) * pageSize;
      // A search alone: its matches are the list, in order (public, ranked), so the page is a slice of them.
      const ids =
        matches && onlySearch(filters)
          ? await rankedMatchPage(db, matches, offset, pageSize, version)
          : await pageHubIds(db, { today, filters, matches: matches ? await rankedMatchIds(db, matches.query, version) : undefined, offset, limit: pageSize });
      return withMatchedThrough(db, language, await queryPublicHubs(db, { language, today, ids }), matches, version);
    },
    version,
  );
  return { hubs, total, page: current, pageSize, pageCount };
}

/**
 * The page's HUBs, each found only through reference names told which (named in `language`), and
 * without the internal id the public page has no use for.
 */
async function withMatchedThrough(db: DB, language: Language, rows: PublicHubRow[], matches: SearchMatches | undefined, version: number): Promise<PublicHubSummary[]> {
  const through = matches ? await matchedThrough(db, matches, rows.map((row) => row.id)) : {};
  const names = rows.some((row) => through[row.id]) ? await referenceNames(db, language, version) : undefined;
  return rows.map(({ id, ...hub }) => {
    const matched = through[id];
    if (!matched || !names) return hub;
    return { ...hub, matchedThrough: matched.map((match) => ({ ...match, name: names[match.kind].get(match.ref) ?? match.ref })) };
  });
}

/** Names of the SDG goals (short), targets, themes and Policy Councils in `language`, by ref: reference data, cached like the rest. */
async function referenceNames(db: DB, language: Language, version: number): Promise<Record<ReferenceMatch["kind"], Map<string, string>>> {
  const [goals, targets, themes, councils] = await Promise.all([
    publicSdgGoals(db, language, version),
    cachedPublic(db, `targets:${language}`, () => listSdgTargets(db, language), version),
    cachedPublic(db, `themes:${language}`, () => listThemeNames(db, language), version),
    listPolicyCouncils(db, language, version),
  ]);
  return {
    goal: new Map(goals.map((goal) => [String(goal.number), goal.short])),
    target: new Map(targets.map((target) => [target.id, target.title])),
    theme: new Map(themes.map((theme) => [String(theme.id), theme.name])),
    council: new Map(councils.map((council) => [String(council.id), council.name])),
  };
}

async function countPublicHubs(db: DB, filters: HubFilters, today: string, matches: number[] | undefined): Promise<number> {
  const row = await publicHubsFrom(db, filters, today, { matches })
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Step 1: the page's HUB ids, in order, from a lean query (filters, sort, limit): the search's order when there are `matches` (best first), else newest first. */
async function pageHubIds(
  db: DB,
  { today, filters, matches, offset, limit }: { today: string; filters: HubFilters; matches: number[] | undefined; offset: number; limit: number },
): Promise<number[]> {
  let idQuery = publicHubsFrom(db, filters, today, { ignore: matches ? ["q"] : [] }).select("h.id");
  if (matches) {
    // The matches come best first: their position is the sort order.
    const ranked = sql<{ id: number; position: number }>`unnest(${idArray(matches)}) with ordinality`;
    // Kysely cannot type a join on a raw table function: the cast keeps the builder's own type.
    idQuery = (idQuery as any)
      .innerJoin(sql`${ranked} as m(id, position)`, (join: any) => join.onRef("m.id", "=", "h.id"))
      .orderBy(sql`m.position`) as typeof idQuery;
  }
  return (await idQuery.orderBy("h.recognised_at", "desc").orderBy("h.id", "desc").offset(offset).limit(limit).execute()).map((row) => row.id);
}

/** Step 2: texts, place and goals of the page's HUBs only, in the order of `ids`. */
async function queryPublicHubs(db: DB, { language, today, ids }: { language: Language; today: string; ids: number[] }): Promise<PublicHubRow[]> {
  if (ids.length === 0) return [];
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
    id: row.id,
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
export async function countHubsBySdg(db: DB, { today, filters = {}, version: versionRead }: { today: string; filters?: HubFilters; version?: number }): Promise<Record<number, number>> {
  const ignore: (keyof HubFilters)[] = ["sdg", "target"];
  const version = versionRead ?? (await getPublicDataVersion(db));
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
