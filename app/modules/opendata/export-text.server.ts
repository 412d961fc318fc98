import { sql, type RawBuilder } from "kysely";
import type { DB } from "../../../db/index";
import { RAW_RESULT_MARKER } from "../../../db/postgres-driver";
import type { Language } from "~/modules/i18n/config";
import { idArray } from "~/modules/hubs/hub-search.server";
import { isPublicHubSql, publicStatusSql } from "~/modules/hubs/lifecycle.server";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";
import type { Pace } from "~/modules/network/impact";

/**
 * Stored open-data text (migration 230; docs/decisions/120-performance-at-scale.md, section 4): each
 * HUB's GeoJSON feature and CSV line per language, in three pieces around its status and its pace,
 * the two fields that change with the day and are put in at every read.
 *
 * A stored row is current when it exists and its stamp is the export's: the layout below, the public
 * origin and `export_reference_version` (an organisation, theme or Policy Council changed). The HUB's
 * own writes delete its rows (a trigger on hub_public_versions), and text is stored only if the HUB's
 * version is still the one its rows were read with (`storeText`), so a row never holds text older
 * than the HUB's last write.
 */
export type ExportFormat = "geojson" | "csv";

export interface TextPieces {
  head: string;
  middle: string;
  tail: string;
}

/**
 * Bump when a HUB's exported text changes shape (a field added, renamed or formatted otherwise), so
 * text stored by the previous release is made again instead of served.
 */
const EXPORT_TEXT_LAYOUT = 1;

/** What every HUB's stored text of one export shares: layout, origin and the shared rows' version. */
export async function exportStamp(db: DB, origin: string): Promise<string> {
  const row = await db.selectFrom("export_reference_version").select("version").where("id", "=", 1).executeTakeFirstOrThrow();
  return `${EXPORT_TEXT_LAYOUT}|${origin}|${row.version}`;
}

interface ChunkQuery {
  ids: number[];
  language: Language;
  format: ExportFormat;
  today: string;
  stamp: string;
}

/** Each HUB's current stored row, looked up by key (a lateral subquery with a limit is never turned into a join, which PostgreSQL, told a chunk's exact size, would plan as a scan of the whole table). */
function storedRowSql({ language, format, stamp }: ChunkQuery, hubId: RawBuilder<number>) {
  return sql`(
    select e.hub_id, e.status, e.start_date, e.end_date, e.head, e.middle, e.tail from hub_export_text e
    where e.hub_id = ${hubId} and e.language = ${language} and e.format = ${format} and e.stamp = ${stamp} and ${isPublicHubSql("e")}
    limit 1
  )`;
}

/**
 * A value of a closed set of words (a public status, a pace) as each format writes it: a JSON string,
 * or a bare CSV cell (lower-case letters and underscores, which the CSV writer never quotes; a unit
 * test holds both to `JSON.stringify` and `csvLine` for every word).
 */
function wordSql(format: ExportFormat, word: RawBuilder<string>) {
  return format === "geojson" ? sql<string>`to_json(${word})::text` : word;
}

export interface AssembledChunk {
  /** The texts of the chunk's HUBs in order, joined by `separator` (UTF-8 bytes as PostgreSQL sent them, or a string); empty when there are none. */
  text: string | Uint8Array;
  /** How many HUBs `text` holds. */
  count: number;
  /** HUBs of the chunk without current stored text: when there are any, `text` is not to be used. */
  stale: number[];
}

/**
 * The chunk's text put together by the database from the stored pieces, each HUB's status today and
 * the pace given for it (`paces[i]` for `ids[i]`), in the order of `ids`: one value for a thousand
 * HUBs, one key look-up each, instead of rows this process would parse, join and collect. From
 * PostgreSQL it comes as the bytes sent, and goes on to the client as they are: decoding a megabyte
 * of accented text into a string and encoding it again cost this process more than the whole query.
 */
export async function assembleStoredText(db: DB, query: ChunkQuery & { paces: Pace[]; separator: string }): Promise<AssembledChunk> {
  const { ids, paces, format, today, separator } = query;
  if (paces.some((pace) => !/^[a-z_]+$/.test(pace))) throw new Error("open data: a pace is one word");
  // On PostgreSQL every column comes as the bytes sent (RAW_RESULT_MARKER); the embedded database parses them.
  const result = await sql<{ text: string | Uint8Array | null; count: number | Uint8Array; stale: number[] | Uint8Array | null }>`${sql.raw(RAW_RESULT_MARKER)}
    select
      string_agg(e.head || ${wordSql(format, publicStatusSql(today, "e"))} || e.middle || ${wordSql(format, sql<string>`chunk.pace`)} || e.tail, ${separator} order by chunk.ord) as text,
      count(e.hub_id)::int as count,
      array_agg(chunk.id) filter (where e.hub_id is null) as stale
    from unnest(${idArray(ids)}, ${`{${paces.join(",")}}`}::text[]) with ordinality as chunk (id, pace, ord)
    left join lateral ${storedRowSql(query, sql<number>`chunk.id`)} e on true`.execute(db);
  const row = result.rows[0];
  if (!row) return { text: "", count: 0, stale: [] };
  const asText = (value: string | Uint8Array) => (typeof value === "string" ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("latin1"));
  return {
    text: row.text ?? "",
    count: Number(typeof row.count === "number" ? row.count : asText(row.count)),
    // A PostgreSQL array's text ("{3,17}") when raw.
    stale: row.stale === null ? [] : Array.isArray(row.stale) ? row.stale : asText(row.stale).slice(1, -1).split(",").map(Number),
  };
}

/** The current stored pieces of the HUBs `ids` that have them, with each one's public status today. */
export async function readStoredText(db: DB, query: ChunkQuery): Promise<Map<number, { status: PublicHubStatus; pieces: TextPieces }>> {
  const result = await sql<{ hub_id: number; status: PublicHubStatus } & TextPieces>`
    select e.hub_id, ${publicStatusSql(query.today, "e")} as status, e.head, e.middle, e.tail
    from unnest(${idArray(query.ids)}) as chunk (id)
    cross join lateral ${storedRowSql(query, sql<number>`chunk.id`)} e`.execute(db);
  return new Map(result.rows.map(({ hub_id, status, head, middle, tail }) => [hub_id, { status, pieces: { head, middle, tail } }]));
}

export interface TextToStore {
  hubId: number;
  /** The HUB's version read with the rows the text was made from. */
  version: number;
  /** The HUB's stored status and dates, read with them. */
  status: string;
  startDate: string;
  endDate: string;
  pieces: TextPieces;
}

/**
 * Keeps the text just made for the next export, for the HUBs whose version is still the one it was
 * made from: the version rows are share-locked, so a write that moves a version either committed
 * before (the HUB is left out) or waits for this statement, and its trigger then deletes what was
 * stored. HUBs in key order (two exports storing the same HUBs lock them in the same order). A cache:
 * if it fails, the export still sends the text it made.
 */
export async function storeText(db: DB, { language, format, stamp, rows }: { language: Language; format: ExportFormat; stamp: string; rows: TextToStore[] }): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => a.hubId - b.hubId);
  const values = sql.join(
    sorted.map(
      (row) =>
        sql`(${row.hubId}::int, ${row.version}::bigint, ${row.status}, ${row.startDate}::date, ${row.endDate}::date, ${row.pieces.head}, ${row.pieces.middle}, ${row.pieces.tail})`,
    ),
  );
  try {
    await sql`
      insert into hub_export_text (hub_id, language, format, stamp, status, start_date, end_date, head, middle, tail)
      select made.hub_id, ${language}, ${format}, ${stamp}, made.status, made.start_date, made.end_date, made.head, made.middle, made.tail
      from (values ${values}) as made (hub_id, version, status, start_date, end_date, head, middle, tail)
      join hub_public_versions v on v.hub_id = made.hub_id and v.version = made.version
      order by made.hub_id
      for share of v
      on conflict (hub_id, language, format) do update
      set stamp = excluded.stamp, status = excluded.status, start_date = excluded.start_date, end_date = excluded.end_date,
        head = excluded.head, middle = excluded.middle, tail = excluded.tail`.execute(db);
  } catch (error) {
    console.error(`[open data] stored export text not written: ${error instanceof Error ? error.message : error}`);
  }
}
