import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { WorldRegion } from "../../../db/schema";
import type { Language } from "~/modules/i18n/config";
import type { HubFilters } from "~/modules/hubs/hub-filters";
import { getPublicHub, type PublicHubDetail } from "~/modules/hubs/public-hub-detail.server";
import { hubFilterCondition, idArray } from "~/modules/hubs/hub-search.server";
import { hubText, hubTextLanguage, joinHubTexts } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql, publicStatusSql } from "~/modules/hubs/lifecycle.server";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";
import { csvLine, csvWriter } from "./csv.server";
import { OPEN_DATA_FIELDS } from "./fields";
import { themeNameColumn } from "~/modules/hubs/themes.server";
import { linkedHubIdsSql } from "~/modules/network/synchronisation.server";
import { measuredPaceByHub } from "~/modules/network/acceleration.server";
import { assembleStoredText, exportStamp, readStoredText, storeText, type ExportFormat, type TextPieces, type TextToStore } from "./export-text.server";
import type { Pace } from "~/modules/network/impact";

/**
 * One HUB as the open data publishes it: public fields only. No e-mail address (of an account
 * or a contact), no internal id, no version: the slug is the identifier.
 */
export interface OpenDataHub {
  slug: string;
  url: string;
  title: string;
  summary: string;
  description: string;
  text_language: Language;
  original_language: Language;
  status: PublicHubStatus;
  start_date: string;
  end_date: string;
  theme: string | null;
  primary_sdg: number | null;
  sdg_goals: number[];
  sdg_targets: string[];
  lead_organisation: string;
  city: string;
  country_code: string;
  region: WorldRegion;
  latitude: number;
  longitude: number;
  participating_cities: string[];
  synchronised_with: string[];
  /** Slugs of the UCLG Policy Councils the HUB is linked to. */
  policy_councils: string[];
  /** Publications and tools made with synchronised HUBs (synchronisation, issue 16). */
  joint_products: number;
  /** The HUB's pace against its timeline (acceleration, issue 16): ahead, on_track, behind or not_measured. */
  acceleration_pace: Pace;
  website: string | null;
  recognised_at: string | null;
}

export { OPEN_DATA_FIELDS };

interface ExportOptions {
  language: Language;
  today: string;
  filters: HubFilters;
  origin: string;
  /** HUBs per query (tests make it small to cross chunk boundaries). */
  chunkSize?: number;
}

/**
 * HUBs per query while streaming. The first chunk is small: it is read before the response starts
 * (the status waits for it), so it sets the first byte. The others are read two ahead of the socket:
 * the database works on the next two (on two backends: putting a chunk together is most of an
 * export's work) while this process writes the current one. Bigger chunks (2,500) measured no
 * faster and hold more of this process's memory.
 */
const FIRST_CHUNK = 500;
const EXPORT_CHUNK = 1000;

/** The public HUBs matching the filters, in the export's order: most recently recognised first. Filters read `h` and `o` only, never the texts. */
function exportIds(db: DB, { today, filters }: ExportOptions) {
  return db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .where(hubFilterCondition(filters, today))
    .select("h.id")
    .orderBy("h.recognised_at", "desc")
    .orderBy("h.slug");
}

/** A HUB's pace for the open data: `not_measured` for a HUB with nothing to measure yet. */
const paceOf = (paces: Map<number, Pace>, hubId: number): Pace => paces.get(hubId) ?? "not_measured";

/** A HUB's open data as made from its rows, with what storing its text needs (read in the same statement). */
interface MadeHub {
  hub: OpenDataHub;
  version: number | null;
  storedStatus: string;
}

/**
 * Every public field of the HUBs `ids` (chosen by the filters already: only "still public" is checked
 * again, for a HUB withdrawn since), in no particular order. The ids come as one array joined by key,
 * so each chunk is a few index look-ups whatever the registry's size.
 */
async function exportRows(db: DB, options: ExportOptions, ids: number[], paces: Map<number, Pace>): Promise<Map<number, MadeHub>> {
  const { language, today, origin } = options;
  const rows = await joinHubTexts(
    db
      .selectFrom(sql<{ id: number }>`(select unnest(${idArray(ids)}) as id)`.as("chunk"))
      .innerJoin("hubs as h", "h.id", "chunk.id")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id"),
    language,
  )
    .leftJoin("themes as th", "th.id", "h.theme_id")
    .where(isPublicHubSql())
    .select([
      "h.id",
      "h.slug",
      "h.original_language",
      "h.start_date",
      "h.end_date",
      "h.latitude",
      "h.longitude",
      "h.website",
      "h.recognised_at",
      "h.status as stored_status",
      sql<number | null>`(select v.version from hub_public_versions v where v.hub_id = h.id)`.as("version"),
      "o.name as lead_name",
      "o.city",
      "o.country_code",
      "o.region",
      themeNameColumn(language).as("theme_name"),
      publicStatusSql(today).as("public_status"),
      hubText("title").as("title"),
      hubText("summary").as("summary"),
      hubText("description").as("description"),
      hubTextLanguage(language, ["title", "summary"]).as("text_language"),
      sql<string | null>`(select string_agg(g.goal::text, ';' order by g.is_primary desc, g.goal) from hub_goals g where g.hub_id = h.id)`.as("goals"),
      sql<string | null>`(select string_agg(t.target_id, ';' order by t.target_id) from hub_targets t where t.hub_id = h.id)`.as("targets"),
      sql<string | null>`(select string_agg(po.city || ' (' || po.country_code || ')', ';' order by po.city) from hub_participants p join organisations po on po.id = p.organisation_id where p.hub_id = h.id)`.as(
        "participants",
      ),
      sql<string | null>`(select string_agg(s.slug, ';' order by s.slug) from hubs s where s.id in ${linkedHubIdsSql(sql.ref("h.id"))} and ${isPublicHubSql("s")})`.as(
        "synchronised",
      ),
      sql<number>`(select count(*)::int from hub_joint_products jp join hub_sync_requests jr on jr.id = jp.sync_request_id where jr.status = 'accepted' and (jr.requester_hub_id = h.id or jr.target_hub_id = h.id))`.as("joint_products"),
      sql<string | null>`(select string_agg(pc.slug, ';' order by pc.position, pc.id) from hub_policy_councils hp join policy_councils pc on pc.id = hp.council_id where hp.hub_id = h.id)`.as("councils"),
    ])
    .execute();

  const split = (value: string | null) => (value ? value.split(";") : []);
  const byId = new Map(
    rows.map((row) => {
      const goals = split(row.goals).map(Number);
      const hub: OpenDataHub = {
        slug: row.slug,
        url: `${origin}/${language}/hubs/${row.slug}`,
        title: row.title,
        summary: row.summary ?? "",
        description: row.description ?? "",
        text_language: row.text_language,
        original_language: row.original_language,
        status: row.public_status,
        start_date: row.start_date,
        end_date: row.end_date,
        theme: (row.theme_name as string | null) ?? null,
        primary_sdg: goals[0] ?? null,
        sdg_goals: goals,
        sdg_targets: split(row.targets),
        lead_organisation: row.lead_name,
        city: row.city,
        country_code: row.country_code.trim(),
        region: row.region,
        latitude: row.latitude,
        longitude: row.longitude,
        participating_cities: split(row.participants),
        synchronised_with: split(row.synchronised),
        policy_councils: split(row.councils),
        joint_products: Number(row.joint_products),
        acceleration_pace: paceOf(paces, row.id),
        website: row.website,
        recognised_at: row.recognised_at ? new Date(row.recognised_at).toISOString() : null,
      };
      return [row.id, { hub, version: row.version === null ? null : Number(row.version), storedStatus: row.stored_status }];
    }),
  );
  return byId;
}

/** What separates two HUBs' texts in each format. */
const SEPARATOR: Record<ExportFormat, string> = { geojson: ",", csv: "\r\n" };

/** The texts of a chunk's public HUBs in order, joined by the format's separator (as the database sent them, or made here). */
interface ChunkText {
  text: string | Uint8Array;
  count: number;
}

/**
 * The text of every HUB of `ids` that is still public (GeoJSON features or CSV lines), in the order
 * of `ids`. When every one has current stored text (export-text.server.ts), the database puts the
 * chunk together with each HUB's status today and its pace. Otherwise the missing ones are made from
 * their rows and stored for the next export, and the chunk is put together here.
 */
async function chunkText(
  db: DB,
  options: ExportOptions,
  format: ExportFormat,
  stamp: string,
  ids: number[],
  store: (rows: TextToStore[]) => Promise<void>,
): Promise<ChunkText> {
  const { language, today } = options;
  const separator = SEPARATOR[format];
  const query = { ids, language, format, today, stamp };
  // The pace changes with the day and with accepted reports: put in at every read, like the status.
  const paces = await measuredPaceByHub(db, ids, today);
  const assembled = await assembleStoredText(db, { ...query, paces: ids.map((id) => paceOf(paces, id)), separator });
  if (assembled.stale.length === 0) return assembled;

  const [stored, made] = await Promise.all([
    assembled.count > 0 ? readStoredText(db, query) : new Map<number, never>(),
    exportRows(db, options, assembled.stale, paces),
  ]);
  const toStore: TextToStore[] = [];
  const texts: string[] = [];
  for (const id of ids) {
    const current = stored.get(id);
    if (current) {
      texts.push(joinPieces(format, current.pieces, current.status, paceOf(paces, id)));
      continue;
    }
    // Withdrawn since the ids were read: left out.
    const row = made.get(id);
    if (!row) continue;
    const pieces = piecesOf(format, row.hub);
    texts.push(joinPieces(format, pieces, row.hub.status, row.hub.acceleration_pace));
    if (row.version !== null) {
      toStore.push({ hubId: id, version: row.version, status: row.storedStatus, startDate: row.hub.start_date, endDate: row.hub.end_date, pieces });
    }
  }
  await store(toStore);
  return { text: texts.join(separator), count: texts.length };
}

/**
 * The texts of the public HUBs matching the filters, most recently recognised first, in chunks. The
 * first chunk (its ids by a top-N query, then its texts) is read before this resolves, so the
 * response's status waits for it: a database that is down answers 503 rather than a 200 cut short,
 * and an export of one chunk (most filtered ones) is never cut mid-body. The ids of the rest are read
 * after it, in the background, then EXPORT_CHUNK HUBs at a time. A failure on a later chunk aborts
 * the connection, so the client sees an incomplete download, never a short file that looks whole.
 */
async function publicHubTexts(db: DB, options: ExportOptions, format: ExportFormat): Promise<AsyncGenerator<ChunkText>> {
  const firstSize = options.chunkSize ?? FIRST_CHUNK;
  const size = options.chunkSize ?? EXPORT_CHUNK;
  const [firstIds, stamp] = await Promise.all([
    exportIds(db, options)
      .limit(firstSize)
      .execute()
      .then((rows) => rows.map((row) => row.id)),
    exportStamp(db, options.origin),
  ]);
  // Text made for stale HUBs is stored one chunk after another, while the next chunk is made: a
  // chunk waits only for the previous chunk's store (so at most two are held), not for its own.
  // The first export after a load (or after shared rows changed) makes and stores every HUB's.
  let storing = Promise.resolve();
  const store = async (rows: TextToStore[]) => {
    if (rows.length === 0) return;
    const previous = storing;
    storing = previous.then(() => storeText(db, { language: options.language, format, stamp, rows }));
    await previous;
  };
  const firstChunk = firstIds.length > 0 ? await chunkText(db, options, format, stamp, firstIds, store) : { text: "", count: 0 };
  // Fewer than a chunk: that was all. Else every id again; the first chunk's are left out of the rest.
  const rest =
    firstIds.length < firstSize
      ? undefined
      : started(
          exportIds(db, options)
            .execute()
            .then((rows) => {
              const sent = new Set(firstIds);
              return rows.map((row) => row.id).filter((id) => !sent.has(id));
            }),
        );
  return (async function* () {
    yield firstChunk;
    const ids = rest ? await rest : [];
    // A HUB withdrawn between the queries is left out; the rest keep the id query's order.
    const read = (start: number) => (start < ids.length ? started(chunkText(db, options, format, stamp, ids.slice(start, start + size), store)) : undefined);
    const ahead = [read(0), read(size)];
    for (let start = 0; ahead[0]; start += size) {
      const current = ahead.shift()!;
      ahead.push(read(start + 2 * size));
      yield await current;
    }
    await storing;
  })();
}

/** A promise read ahead: marked as handled, so one the consumer never awaits (a download cancelled) does not reject unhandled; awaiting it still throws. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * A pull stream: the next chunk is read from the database only when the consumer asks for more
 * (the HTTP response waits for the socket to drain: server/remix-handler.ts), so a slow client never
 * makes the server hold the whole registry in memory. Aborted downloads stop the queries.
 */
function textStream(pieces: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Stand-ins for the two fields filled in at every read. They cannot occur in a HUB's own text:
 * PostgreSQL text never holds the NUL character, so neither does any value an export shows.
 */
const STATUS_MARK = "\u0000status";
const PACE_MARK = "\u0000pace";

function geoJsonFeature(hub: OpenDataHub): string {
  const { latitude, longitude, ...properties } = hub;
  return JSON.stringify({ type: "Feature", id: hub.slug, geometry: { type: "Point", coordinates: [longitude, latitude] }, properties });
}

function csvCells(hub: OpenDataHub) {
  return OPEN_DATA_FIELDS.map((field) => {
    const value = hub[field];
    return Array.isArray(value) ? value.join(";") : value;
  });
}

/** A HUB's text in one format, cut around its status and its pace (each written as the format writes a value). */
function piecesOf(format: ExportFormat, hub: OpenDataHub): TextPieces {
  const marked = { ...hub, status: STATUS_MARK as PublicHubStatus, acceleration_pace: PACE_MARK as Pace };
  const [text, statusMark, paceMark] =
    format === "geojson" ? [geoJsonFeature(marked), JSON.stringify(STATUS_MARK), JSON.stringify(PACE_MARK)] : [csvLine(csvCells(marked)), STATUS_MARK, PACE_MARK];
  const [head, afterStatus, ...moreStatus] = text.split(statusMark);
  const [middle, tail, ...morePace] = (afterStatus ?? "").split(paceMark);
  if (afterStatus === undefined || tail === undefined || moreStatus.length > 0 || morePace.length > 0) throw new Error(`open data: ${format} text of ${hub.slug} has no single status and pace`);
  return { head, middle, tail };
}

function joinPieces(format: ExportFormat, pieces: TextPieces, status: PublicHubStatus, pace: Pace): string {
  const value = format === "geojson" ? (text: string) => JSON.stringify(text) : (text: string) => csvLine([text]);
  return pieces.head + value(status) + pieces.middle + value(pace) + pieces.tail;
}

/** The public HUBs as an RFC 7946 FeatureCollection (longitude, latitude order; WGS 84; no crs member), streamed. */
export async function streamGeoJson(db: DB, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const chunks = await publicHubTexts(db, options, "geojson");
  return textStream(
    (async function* () {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const { text, count } of chunks) {
        if (count === 0) continue;
        if (!first) yield ",";
        yield text;
        first = false;
      }
      yield "]}";
    })(),
  );
}

/** The open-data CSV, streamed: one row per HUB, the fields in OPEN_DATA_FIELDS order, lists joined with ";" (written by the one CSV writer). */
export async function streamCsv(db: DB, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const chunks = await publicHubTexts(db, options, "csv");
  const writer = csvWriter(OPEN_DATA_FIELDS);
  return textStream(
    (async function* () {
      yield writer.head();
      for await (const { text, count } of chunks) {
        if (count === 0) continue;
        yield text;
        yield writer.linesEnd(count);
      }
      yield writer.end();
    })(),
  );
}

/** One HUB with every public field, for /api/hubs/{slug}.json. */
export function hubToJson(hub: PublicHubDetail, language: Language, origin: string) {
  return {
    slug: hub.slug,
    url: `${origin}/${language}/hubs/${hub.slug}`,
    language,
    status: hub.status,
    original_language: hub.originalLanguage,
    text_languages: hub.textLanguages,
    available_languages: hub.availableLanguages,
    title: hub.texts.title,
    summary: hub.texts.summary,
    description: hub.texts.description,
    local_global_link: hub.texts.localGlobalLink,
    acceleration: hub.texts.acceleration,
    synchronisation: hub.texts.synchronisation,
    theme: hub.theme?.name ?? null,
    start_date: hub.startDate,
    end_date: hub.endDate,
    website: hub.website,
    recognised_at: hub.recognisedAt,
    location: { type: "Point", coordinates: [hub.longitude, hub.latitude] },
    lead_organisation: { name: hub.lead.name, city: hub.lead.city, country_code: hub.lead.countryCode, region: hub.lead.region },
    participating_cities: hub.participants.map((participant) => ({
      name: participant.name,
      city: participant.city,
      country_code: participant.countryCode,
      location: { type: "Point", coordinates: [participant.longitude, participant.latitude] },
    })),
    sdg_goals: hub.goals.map((goal) => ({ number: goal.number, primary: goal.isPrimary })),
    sdg_targets: hub.targets.map((target) => ({ id: target.id, title: target.title })),
    outcomes: hub.outcomes.map((outcome) => ({
      statement: outcome.statement,
      indicator: outcome.indicator,
      baseline: outcome.baseline,
      target_value: outcome.targetValue,
      unit: outcome.unit,
      milestone: outcome.milestone,
      due_date: outcome.dueDate,
    })),
    partners: hub.partners,
    synchronised_with: hub.synchronisedWith.map((other) => ({ slug: other.slug, title: other.title, url: `${origin}/${language}/hubs/${other.slug}` })),
  };
}

export { getPublicHub };
