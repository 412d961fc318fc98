import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { NetworkEventKind } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import type { Language } from "~/modules/i18n/config";
import type { CalendarEvent, EventFilters } from "./events";
import { hubSlugFrom } from "./synchronisation.server";

/**
 * One calendar of the network (docs/decisions/150-hub-network.md): the public HUBs' activities
 * (the events of their communication plans, `hub_events`) and the network events the secretariat
 * adds (`network_events`). Read by the page, the iCalendar feed and the one-event files alike.
 */

export const CALENDAR_LIMIT = 300;

function hubTitle(language: Language, alias = "h") {
  return sql<string>`coalesce(${hubTitleSql(language, alias)}, ${sql.ref(`${alias}.slug`)})`;
}

export async function listCalendarEvents(
  db: DB,
  { language, today, filters, limit = CALENDAR_LIMIT }: { language: Language; today: string; filters: EventFilters; limit?: number },
): Promise<CalendarEvent[]> {
  const upcoming = filters.when === "upcoming";
  const [hubRows, networkRows] = await Promise.all([
    filters.kind === "network"
      ? Promise.resolve([])
      : db
          .selectFrom("hub_events as e")
          .innerJoin("hubs as h", "h.id", "e.hub_id")
          .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
          .where(isPublicHubSql())
          .where("e.event_date", upcoming ? ">=" : "<", today)
          .$if(filters.region !== undefined, (qb) => qb.where("o.region", "=", filters.region!))
          .$if(filters.sdg !== undefined, (qb) => qb.where(sql<boolean>`exists (select 1 from hub_goals g where g.hub_id = h.id and g.goal = ${filters.sdg!})`))
          .select(["e.id", "e.name", "e.event_date", "h.slug", "o.city", hubTitle(language).as("hub_title")])
          .orderBy("e.event_date", upcoming ? "asc" : "desc")
          .orderBy("e.id")
          .limit(limit)
          .execute(),
    filters.kind === "hub" ? Promise.resolve([]) : networkEventsQuery(db, language).where("n.ends_on", upcoming ? ">=" : "<", today).orderBy("n.starts_on", upcoming ? "asc" : "desc").limit(limit).execute(),
  ]);
  const events: CalendarEvent[] = [
    ...hubRows.map((row) => ({
      uid: `hub-${row.id}`,
      kind: "hub" as const,
      title: row.name,
      startsOn: row.event_date,
      endsOn: row.event_date,
      location: row.city,
      url: null,
      hub: { slug: row.slug, title: row.hub_title },
      presentedHubs: [],
    })),
    ...(await withPresentedHubs(db, language, networkRows)),
  ];
  events.sort((a, b) => (upcoming ? a.startsOn.localeCompare(b.startsOn) : b.startsOn.localeCompare(a.startsOn)) || a.uid.localeCompare(b.uid));
  return events.slice(0, limit);
}

function networkEventsQuery(db: DB, language: Language) {
  return db
    .selectFrom("network_events as n")
    .select(["n.id", "n.kind", sql.ref<string>(`n.title_${language}`).as("title"), "n.location", "n.starts_on", "n.ends_on", "n.url"]);
}

type NetworkRow = { id: number; kind: NetworkEventKind; title: string; location: string; starts_on: string; ends_on: string; url: string | null };

async function withPresentedHubs(db: DB, language: Language, rows: NetworkRow[]): Promise<CalendarEvent[]> {
  const presented = rows.length
    ? await db
        .selectFrom("network_event_hubs as eh")
        .innerJoin("hubs as h", "h.id", "eh.hub_id")
        .where("eh.event_id", "in", rows.map((row) => row.id))
        .where(isPublicHubSql())
        .select(["eh.event_id", "h.slug", hubTitle(language).as("title")])
        .orderBy("h.slug")
        .execute()
    : [];
  return rows.map((row) => ({
    uid: `network-${row.id}`,
    kind: row.kind,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    location: row.location,
    url: row.url,
    hub: null,
    presentedHubs: presented.filter((hub) => hub.event_id === row.id).map(({ slug, title }) => ({ slug, title })),
  }));
}

/** One event by its uid ("hub-12", "network-3"), or null (unknown, or its HUB is not public). */
export async function getCalendarEvent(db: DB, uid: string, language: Language): Promise<CalendarEvent | null> {
  const match = /^(hub|network)-([1-9]\d{0,9})$/.exec(uid);
  if (!match || Number(match[2]) > 2_147_483_647) return null;
  const id = Number(match[2]);
  if (match[1] === "network") {
    const row = await networkEventsQuery(db, language).where("n.id", "=", id).executeTakeFirst();
    return row ? (await withPresentedHubs(db, language, [row]))[0] : null;
  }
  const row = await db
    .selectFrom("hub_events as e")
    .innerJoin("hubs as h", "h.id", "e.hub_id")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .where("e.id", "=", id)
    .where(isPublicHubSql())
    .select(["e.id", "e.name", "e.event_date", "h.slug", "o.city", hubTitle(language).as("hub_title")])
    .executeTakeFirst();
  return row
    ? { uid, kind: "hub", title: row.name, startsOn: row.event_date, endsOn: row.event_date, location: row.city, url: null, hub: { slug: row.slug, title: row.hub_title }, presentedHubs: [] }
    : null;
}

// ---------------------------------------------------------------------------------------------
// The secretariat's network events

export function listNetworkEventRows(db: DB) {
  return db
    .selectFrom("network_events")
    .select(["id", "kind", "title_en", "title_es", "title_fr", "location", "starts_on", "ends_on", "url", "version"])
    .orderBy("starts_on", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
}

export interface NetworkEventInput {
  kind: NetworkEventKind;
  titleEn: string;
  titleEs: string;
  titleFr: string;
  location?: string;
  startsOn: string;
  endsOn: string;
  url?: string;
  /** HUB addresses or slugs, one per line: the HUBs presented at it. */
  presentedHubs?: string;
}

/** Adds a network event with the HUBs presented at it; returns the slugs that name no public HUB (nothing saved then). */
export async function addNetworkEvent(db: DB, user: SessionUser, input: NetworkEventInput): Promise<{ unknownHubs: string[] }> {
  const lines = (input.presentedHubs ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const slugs = lines.map((line) => hubSlugFrom(line));
  const known = slugs.some(Boolean)
    ? await db.selectFrom("hubs as h").select(["h.id", "h.slug"]).where("h.slug", "in", slugs.filter((slug): slug is string => slug !== null)).where(isPublicHubSql()).execute()
    : [];
  const unknownHubs = lines.filter((line, index) => !known.some((hub) => hub.slug === slugs[index]));
  if (unknownHubs.length) return { unknownHubs };
  await db.transaction().execute(async (trx) => {
    const event = await trx
      .insertInto("network_events")
      .values({
        kind: input.kind,
        title_en: input.titleEn,
        title_es: input.titleEs,
        title_fr: input.titleFr,
        location: input.location ?? "",
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        url: input.url || null,
        created_by: user.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (known.length) await trx.insertInto("network_event_hubs").values(known.map((hub) => ({ event_id: event.id, hub_id: hub.id }))).execute();
    await recordAudit(trx, { entity: "network_event", entityId: event.id, actorUserId: user.id, action: "create" });
  });
  return { unknownHubs: [] };
}

/** The HUBs presented at the yearly gatherings held in `year` (the annual report). */
export function listGatheringPresentations(db: DB, year: number, language: Language) {
  return db
    .selectFrom("network_event_hubs as eh")
    .innerJoin("network_events as n", "n.id", "eh.event_id")
    .innerJoin("hubs as h", "h.id", "eh.hub_id")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .where("n.kind", "=", "gathering")
    .where("n.starts_on", ">=", `${year}-01-01`)
    .where("n.starts_on", "<=", `${year}-12-31`)
    .where(isPublicHubSql())
    .select([sql.ref<string>(`n.title_${language}`).as("event"), "n.starts_on", "h.slug", "o.city", hubTitle(language).as("title")])
    .orderBy("n.starts_on")
    .orderBy("h.slug")
    .execute();
}
