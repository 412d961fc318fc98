import { sql, type InferResult } from "kysely";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { pickText } from "~/modules/i18n/text-fallback";
import type { HubFilters } from "~/modules/hubs/hub-filters";
import { matchesFor, publicHubsFrom } from "~/modules/hubs/hub-search.server";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";
import { publicStatusSql } from "~/modules/hubs/lifecycle.server";

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
  const rows = await mapPointsQuery(db, today, filters, matches?.ids).execute();
  // 100,000 rows take about 170 ms to turn into points: other requests get a turn between slices.
  const points: MapPoint[] = [];
  const shared = sharedValues();
  for (let start = 0; start < rows.length; start += POINTS_PER_TURN) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows.slice(start, start + POINTS_PER_TURN)) points.push(toMapPoint(row, shared));
  }
  return points;
}

/**
 * One copy of each city name, status and list of goals for all the points: each row brings its own
 * (100,000 strings and arrays where there are about 3,000 cities and a few thousand goal lists),
 * and the points stay in memory as long as the map index (decision 120, section 15). The lists
 * are shared: read, never changed.
 */
function sharedValues() {
  const texts = new Map<string, string>();
  const goalLists = new Map<string, number[]>();
  return {
    text<T extends string>(value: T): T {
      const known = texts.get(value);
      if (known !== undefined) return known as T;
      texts.set(value, value);
      return value;
    },
    goals(list: string | null): number[] {
      const key = list ?? "";
      let goals = goalLists.get(key);
      if (!goals) goalLists.set(key, (goals = list ? list.split(",").map(Number) : []));
      return goals;
    },
  };
}

function mapPointsQuery(db: DB, today: string, filters: HubFilters, matches: number[] | undefined) {
  return publicHubsFrom(db, { ...filters, bbox: undefined }, today, { matches })
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
    ]);
}
type MapPointRow = InferResult<ReturnType<typeof mapPointsQuery>>[number];

const POINTS_PER_TURN = 5_000;

function toMapPoint(row: MapPointRow, shared: ReturnType<typeof sharedValues>): MapPoint {
  const texts = (row.titles ?? "").split("\u001f").map((part) => ({ language: part.slice(0, 2) as Language, title: part.slice(3) || null }));
  const titleIn = (language: Language) => pickText(texts, "title", language, row.original_language)?.text ?? row.slug;
  return {
    id: row.id,
    slug: row.slug,
    latitude: row.latitude,
    longitude: row.longitude,
    goal: row.goal,
    goals: shared.goals(row.goals),
    status: shared.text(row.public_status),
    city: shared.text(row.city),
    titles: { en: titleIn("en"), es: titleIn("es"), fr: titleIn("fr") },
  };
}
