import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { idArray } from "~/modules/hubs/hub-search.server";
import { elapsedShare, outcomeProgress, paceCounts, paceOf, type Pace } from "./impact";

type Db = Kysely<Database> | Transaction<Database>;

export interface HubAcceleration {
  /** Outcomes per pace. */
  counts: Record<Pace, number>;
  /** The HUB's pace as a whole: the mean progress of its measured outcomes against the timeline elapsed. */
  overall: Pace;
}

const toNumber = (value: number | string | null) => (value === null ? null : Number(value));

/**
 * Acceleration of several HUBs at once (the council dashboard's page, the annual report, an
 * open-data chunk), by the rules of `impact.ts` and with the values the HUB page uses: each
 * outcome's latest accepted report that carries a value or a milestone answer. Three indexed
 * queries whatever the number of HUBs; HUBs not in `hubIds` are never read. `reportedBy` (a past
 * day, with `today` the same day) counts only the reports whose period had ended by then.
 */
export async function accelerationByHub(db: Db, hubIds: number[], today: string, { reportedBy }: { reportedBy?: string } = {}): Promise<Map<number, HubAcceleration>> {
  const result = new Map<number, HubAcceleration>();
  if (hubIds.length === 0) return result;
  const ids = idArray(hubIds);
  const [hubs, outcomes, latest] = await Promise.all([
    db.selectFrom("hubs").select(["id", "start_date", "end_date"]).where(sql<boolean>`id = any(${ids})`).execute(),
    db.selectFrom("hub_outcomes").select(["id", "hub_id", "baseline", "target_value", "milestone"]).where(sql<boolean>`hub_id = any(${ids})`).execute(),
    db
      .selectFrom("progress_update_outcomes as o")
      .innerJoin("progress_updates as u", "u.id", "o.update_id")
      .distinctOn("o.outcome_id")
      .select(["o.outcome_id", "o.value", "o.milestone_reached"])
      .where(sql<boolean>`u.hub_id = any(${ids})`)
      .where("u.status", "=", "accepted")
      .$if(reportedBy !== undefined, (query) => query.where("u.period_end", "<=", reportedBy!))
      .where((eb) => eb.or([eb("o.value", "is not", null), eb("o.milestone_reached", "is not", null)]))
      .orderBy("o.outcome_id")
      .orderBy("u.period_end", "desc")
      .orderBy("u.id", "desc")
      .execute(),
  ]);
  const reported = new Map(latest.map((row) => [row.outcome_id, { value: toNumber(row.value), milestoneReached: row.milestone_reached }]));
  const outcomesByHub = new Map<number, typeof outcomes>();
  for (const outcome of outcomes) {
    const ofHub = outcomesByHub.get(outcome.hub_id);
    if (ofHub) ofHub.push(outcome);
    else outcomesByHub.set(outcome.hub_id, [outcome]);
  }
  for (const hub of hubs) {
    const elapsed = elapsedShare(String(hub.start_date), String(hub.end_date), today);
    const progresses = (outcomesByHub.get(hub.id) ?? [])
      .map((outcome) => outcomeProgress({ baseline: toNumber(outcome.baseline), targetValue: toNumber(outcome.target_value), milestone: outcome.milestone }, reported.get(outcome.id)));
    const measured = progresses.filter((progress): progress is number => progress !== null);
    result.set(hub.id, {
      counts: paceCounts(progresses.map((progress) => paceOf(progress, elapsed))),
      overall: paceOf(measured.length ? measured.reduce((sum, progress) => sum + progress, 0) / measured.length : null, elapsed),
    });
  }
  return result;
}

/**
 * Each HUB's pace as a whole (`HubAcceleration.overall`) where it is measured: a HUB is measured only
 * through an accepted report that carries a value or a milestone answer, so one query finds the
 * HUBs that have one and only those are read further; the others are `not_measured` (absent from
 * the map). For callers that need no counts per outcome (the open-data exports, a chunk at a time).
 */
export async function measuredPaceByHub(db: Db, hubIds: number[], today: string): Promise<Map<number, Pace>> {
  if (hubIds.length === 0) return new Map();
  const reporting = await db
    .selectFrom("progress_updates as u")
    .select("u.hub_id")
    .distinct()
    .where(sql<boolean>`u.hub_id = any(${idArray(hubIds)})`)
    .where("u.status", "=", "accepted")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("progress_update_outcomes as o")
          .select("o.outcome_id")
          .whereRef("o.update_id", "=", "u.id")
          .where((inner) => inner.or([inner("o.value", "is not", null), inner("o.milestone_reached", "is not", null)])),
      ),
    )
    .execute();
  const acceleration = await accelerationByHub(
    db,
    reporting.map((row) => row.hub_id),
    today,
  );
  return new Map([...acceleration].flatMap(([hubId, { overall }]) => (overall === "not_measured" ? [] : [[hubId, overall] as const])));
}

/** Outcomes per pace over the HUBs given (the network-wide figures). */
export function sumPaces(accelerations: Iterable<HubAcceleration>): Record<Pace, number> {
  const total: Record<Pace, number> = { ahead: 0, on_track: 0, behind: 0, not_measured: 0 };
  for (const { counts } of accelerations) for (const pace of Object.keys(total) as Pace[]) total[pace] += counts[pace];
  return total;
}

export interface NetworkSynchronisation {
  /** Accepted links in force at the end of the year. */
  links: number;
  /** Joint products added during the year. */
  jointProducts: number;
  /** Network events of the year where the HUBs were presented. */
  eventsTogether: number;
  /** Visible exchange posts of the year by members of the HUBs' lead organisations. */
  exchangePosts: number;
  /** How many of the HUBs' lead organisations posted in the exchange space that year. */
  exchangeOrganisations: number;
}

/** The synchronisation side of the network's impact over a year (the annual report), for the HUBs given. */
export async function networkSynchronisation(db: Db, { hubIds, year }: { hubIds: number[]; year: number }): Promise<NetworkSynchronisation> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const ids = idArray(hubIds.length ? hubIds : [0]);
  const [links, products, events, posts] = await Promise.all([
    db
      .selectFrom("hub_sync_requests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "accepted")
      .where(sql<boolean>`coalesce(decided_at, created_at) < ${to}`)
      .where(sql<boolean>`(requester_hub_id = any(${ids}) or target_hub_id = any(${ids}))`)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("hub_joint_products as p")
      .innerJoin("hub_sync_requests as r", "r.id", "p.sync_request_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("r.status", "=", "accepted")
      .where("p.created_at", ">=", from)
      .where("p.created_at", "<", to)
      .where(sql<boolean>`(r.requester_hub_id = any(${ids}) or r.target_hub_id = any(${ids}))`)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("network_events as e")
      .select(sql<number>`count(*)`.as("n"))
      .where("e.starts_on", ">=", `${year}-01-01`)
      .where("e.starts_on", "<=", `${year}-12-31`)
      .where(sql<boolean>`exists (select 1 from network_event_hubs eh where eh.event_id = e.id and eh.hub_id = any(${ids}))`)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("exchange_posts as p")
      .select([sql<number>`count(*)`.as("posts"), sql<number>`count(distinct p.author_organisation_id)`.as("organisations")])
      .where("p.hidden", "=", false)
      .where("p.created_at", ">=", from)
      .where("p.created_at", "<", to)
      .where(sql<boolean>`p.author_organisation_id in (select lead_organisation_id from hubs where id = any(${ids}))`)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    links: Number(links.n),
    jointProducts: Number(products.n),
    eventsTogether: Number(events.n),
    exchangePosts: Number(posts.posts),
    exchangeOrganisations: Number(posts.organisations),
  };
}
