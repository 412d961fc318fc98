import { sql, type InferResult } from "kysely";
import type { DB } from "../../../db/index";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { pickText } from "~/modules/i18n/text-fallback";
import type { HubFilters } from "~/modules/hubs/hub-filters";
import { matchesFor, publicHubsFrom } from "~/modules/hubs/hub-search.server";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";
import { publicStatusSql } from "~/modules/hubs/lifecycle.server";

// Points for the map (all matching HUBs, light: the map endpoint clusters them)

/** What the map shows of one point. */
export interface MapPointFields {
  slug: string;
  title: string;
  latitude: number;
  longitude: number;
  goal: number;
  goals: number[];
  status: PublicHubStatus;
  city: string;
}

/** Per point in `spans`: its slug's first and last byte (past the end) in `text`, then its title's in each language. */
const SPAN_STRIDE = 2 + 2 * SUPPORTED_LANGUAGES.length;

interface MapPointColumns {
  /** Internal: to intersect with search matches and find a line's ends. Never sent to the browser. */
  ids: Int32Array;
  /** Longitude and latitude of each point in turn: what the cluster index is built from. */
  coordinates: Float64Array;
  /** The primary SDG, 0 when none. */
  goals: Uint8Array;
  /** Position in `shared.goalLists`, `shared.statuses`, `shared.cities`. */
  goalLists: Uint32Array;
  statuses: Uint8Array;
  cities: Uint32Array;
  spans: Uint32Array;
  /**
   * One copy of each text, list and name, shared by a filter set's points and every subset of them.
   * The slugs and titles are one UTF-8 buffer, outside the JavaScript heap.
   */
  shared: { text: Buffer; goalLists: number[][]; statuses: PublicHubStatus[]; cities: string[] };
}

/**
 * The points of one filter set, kept as long as the map index built from them: field by field, in
 * typed arrays and one packed text, not one object per point. 100,000 point objects (with their
 * titles, slugs and numbers) were about a million objects on the heap, which every full garbage
 * collection marked: about 30 ms of the main thread, paid by whichever request came next
 * (decision 120, section 20). A point's fields are made when a map answer needs them.
 */
export class MapPoints {
  private constructor(private readonly columns: MapPointColumns) {}

  get length(): number {
    return this.columns.ids.length;
  }

  get coordinates(): Float64Array {
    return this.columns.coordinates;
  }

  id(position: number): number {
    return this.columns.ids[position];
  }

  longitude(position: number): number {
    return this.columns.coordinates[2 * position];
  }

  latitude(position: number): number {
    return this.columns.coordinates[2 * position + 1];
  }

  fields(position: number, language: Language): MapPointFields {
    const { spans, shared } = this.columns;
    const span = position * SPAN_STRIDE;
    const title = span + 2 + 2 * SUPPORTED_LANGUAGES.indexOf(language);
    return {
      slug: shared.text.toString("utf8", spans[span], spans[span + 1]),
      title: shared.text.toString("utf8", spans[title], spans[title + 1]),
      latitude: this.latitude(position),
      longitude: this.longitude(position),
      goal: this.columns.goals[position],
      goals: shared.goalLists[this.columns.goalLists[position]],
      status: shared.statuses[this.columns.statuses[position]],
      city: shared.cities[this.columns.cities[position]],
    };
  }

  /** The points whose id `keep` accepts, in the same order; their texts are this set's, not copies. */
  filter(keep: (id: number) => boolean): MapPoints {
    const { ids, coordinates, goals, goalLists, statuses, cities, spans, shared } = this.columns;
    const kept: number[] = [];
    for (let position = 0; position < ids.length; position++) if (keep(ids[position])) kept.push(position);
    const subset = emptyColumns(kept.length, shared);
    kept.forEach((from, to) => {
      subset.ids[to] = ids[from];
      subset.coordinates[2 * to] = coordinates[2 * from];
      subset.coordinates[2 * to + 1] = coordinates[2 * from + 1];
      subset.goals[to] = goals[from];
      subset.goalLists[to] = goalLists[from];
      subset.statuses[to] = statuses[from];
      subset.cities[to] = cities[from];
      subset.spans.set(spans.subarray(from * SPAN_STRIDE, (from + 1) * SPAN_STRIDE), to * SPAN_STRIDE);
    });
    return new MapPoints(subset);
  }

  /** Points from the query's rows; other requests get a turn between slices (100,000 rows take over 100 ms). */
  static async fromRows(rows: MapPointRow[]): Promise<MapPoints> {
    const goalLists = new Interned<number[]>();
    const statuses = new Interned<PublicHubStatus>();
    const cities = new Interned<string>();
    const columns = emptyColumns(rows.length, { text: Buffer.alloc(0), goalLists: goalLists.values, statuses: statuses.values, cities: cities.values });
    const texts: string[] = [];
    let textLength = 0;
    const addText = (text: string) => {
      texts.push(text);
      textLength += Buffer.byteLength(text);
      return textLength;
    };
    for (let start = 0; start < rows.length; start += POINTS_PER_TURN) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (let position = start; position < Math.min(rows.length, start + POINTS_PER_TURN); position++) {
        const row = rows[position];
        columns.ids[position] = row.id;
        columns.coordinates[2 * position] = row.longitude;
        columns.coordinates[2 * position + 1] = row.latitude;
        columns.goals[position] = row.goal;
        columns.goalLists[position] = goalLists.position(row.goals ?? "", () => (row.goals ? row.goals.split(",").map(Number) : []));
        columns.statuses[position] = statuses.position(row.public_status, () => row.public_status);
        columns.cities[position] = cities.position(row.city, () => row.city);
        // The slug, then each language's title; a title already written for this point (one
        // language's falling back to another's, or to the slug) points at the same text.
        const span = position * SPAN_STRIDE;
        const written: string[] = [];
        const write = (offset: number, text: string) => {
          const same = written.indexOf(text);
          if (same >= 0) {
            columns.spans[span + offset] = columns.spans[span + 2 * same];
            columns.spans[span + offset + 1] = columns.spans[span + 2 * same + 1];
          } else {
            columns.spans[span + offset] = textLength;
            columns.spans[span + offset + 1] = addText(text);
          }
          written.push(text);
        };
        write(0, row.slug);
        const titles = (row.titles ?? "").split("\u001f").map((part) => ({ language: part.slice(0, 2) as Language, title: part.slice(3) || null }));
        SUPPORTED_LANGUAGES.forEach((language, index) => write(2 + 2 * index, pickText(titles, "title", language, row.original_language)?.text ?? row.slug));
      }
    }
    columns.shared.text = Buffer.from(texts.join(""));
    return new MapPoints(columns);
  }
}

function emptyColumns(length: number, shared: MapPointColumns["shared"]): MapPointColumns {
  return {
    ids: new Int32Array(length),
    coordinates: new Float64Array(2 * length),
    goals: new Uint8Array(length),
    goalLists: new Uint32Array(length),
    statuses: new Uint8Array(length),
    cities: new Uint32Array(length),
    spans: new Uint32Array(SPAN_STRIDE * length),
    shared,
  };
}

/** One copy of each value (about 3,000 cities and a few thousand goal lists for 100,000 points), by position. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<string, number>();
  position(key: string, make: () => T): number {
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.values.push(make()) - 1;
      this.positions.set(key, position);
    }
    return position;
  }
}

export async function listMapPoints(db: DB, { today, filters = {} }: { today: string; filters?: HubFilters }): Promise<MapPoints> {
  const matches = await matchesFor(db, filters);
  return MapPoints.fromRows(await mapPointsQuery(db, today, filters, matches?.ids).execute());
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
      sql<string | null>`(select string_agg(t.language || ':' || coalesce(t.title, ''), chr(31)) from hub_translations t where t.hub_id = h.id)`.as("titles"),
      "h.original_language",
    ]);
}
export type MapPointRow = InferResult<ReturnType<typeof mapPointsQuery>>[number];

const POINTS_PER_TURN = 5_000;
