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
import { csvWriter } from "./csv.server";
import { OPEN_DATA_FIELDS } from "./fields";
import { themeNameColumn } from "~/modules/hubs/themes.server";
import { linkedHubIdsSql } from "~/modules/network/synchronisation.server";
import { accelerationByHub } from "~/modules/network/acceleration.server";
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
 * (the status waits for it), so it sets the first byte. The others are read one ahead of the socket:
 * the database works on the next while this process writes the current one. Bigger chunks cost the
 * database a little less per HUB but hold more of this process's memory.
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

/**
 * Every public field of the HUBs `ids` (chosen by the filters already: only "still public" is checked
 * again, for a HUB withdrawn since), in no particular order. The ids come as one array joined by key,
 * so each chunk is a few index look-ups whatever the registry's size.
 */
async function exportRows(db: DB, options: ExportOptions, ids: number[]): Promise<OpenDataHub[]> {
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
  // The acceleration of the chunk's HUBs: three indexed queries.
  const acceleration = await accelerationByHub(db, ids, today);

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
        acceleration_pace: acceleration.get(row.id)?.overall ?? "not_measured",
        website: row.website,
        recognised_at: row.recognised_at ? new Date(row.recognised_at).toISOString() : null,
      };
      return [row.id, hub];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The public HUBs matching the filters, most recently recognised first, in chunks. The first chunk
 * (its ids by a top-N query, then its fields) is read before this resolves, so the response's status
 * waits for it: a database that is down answers 503 rather than a 200 cut short, and an export of
 * one chunk (most filtered ones) is never cut mid-body. The ids of the rest are read after it, in the
 * background, then EXPORT_CHUNK HUBs a query. A failure on a later chunk aborts the connection, so
 * the client sees an incomplete download, never a short file that looks whole.
 */
async function publicHubChunks(db: DB, options: ExportOptions): Promise<AsyncGenerator<OpenDataHub[]>> {
  const firstSize = options.chunkSize ?? FIRST_CHUNK;
  const size = options.chunkSize ?? EXPORT_CHUNK;
  const firstIds = (await exportIds(db, options).limit(firstSize).execute()).map((row) => row.id);
  const firstChunk = firstIds.length > 0 ? await exportRows(db, options, firstIds) : [];
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
    const read = (start: number) => (start < ids.length ? started(exportRows(db, options, ids.slice(start, start + size))) : undefined);
    let next = read(0);
    for (let start = 0; next; start += size) {
      const current = next;
      next = read(start + size);
      yield await current;
    }
  })();
}

/** A promise read ahead: marked as handled, so one the consumer never awaits (a download cancelled) does not reject unhandled; awaiting it still throws. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * HUBs per piece of text sent (about 60 KB of GeoJSON): a chunk is written in many small strings,
 * not one of megabytes, so each dies young in the garbage collector's new space instead of filling
 * its large-object space until a full collection (which grew the server's memory by hundreds of MB).
 */
const PIECE_HUBS = 50;

function* pieces(hubs: OpenDataHub[]): Generator<OpenDataHub[]> {
  for (let start = 0; start < hubs.length; start += PIECE_HUBS) yield hubs.slice(start, start + PIECE_HUBS);
}

/**
 * A pull stream: the next chunk is read from the database only when the consumer asks for more
 * (the HTTP response waits for the socket to drain: server/remix-handler.ts), so a slow client never
 * makes the server hold the whole registry in memory. Aborted downloads stop the queries.
 */
function textStream(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** The public HUBs as an RFC 7946 FeatureCollection (longitude, latitude order; WGS 84; no crs member), streamed. */
export async function streamGeoJson(db: DB, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const chunks = await publicHubChunks(db, options);
  return textStream(
    (async function* () {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const hubs of chunks) {
        for (const piece of pieces(hubs)) {
          const features = piece.map((hub) => {
            const { latitude, longitude, ...properties } = hub;
            return JSON.stringify({ type: "Feature", id: hub.slug, geometry: { type: "Point", coordinates: [longitude, latitude] }, properties });
          });
          yield (first ? "" : ",") + features.join(",");
          first = false;
        }
      }
      yield "]}";
    })(),
  );
}

/** The open-data CSV, streamed: one row per HUB, the fields in OPEN_DATA_FIELDS order, lists joined with ";" (written by the one CSV writer). */
export async function streamCsv(db: DB, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const chunks = await publicHubChunks(db, options);
  const writer = csvWriter(OPEN_DATA_FIELDS);
  return textStream(
    (async function* () {
      yield writer.head();
      for await (const hubs of chunks) {
        for (const piece of pieces(hubs)) {
          yield writer.rows(
            piece.map((hub) =>
              OPEN_DATA_FIELDS.map((field) => {
                const value = hub[field];
                return Array.isArray(value) ? value.join(";") : value;
              }),
            ),
          );
        }
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
