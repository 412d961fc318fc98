import { sql, type Kysely } from "kysely";
import type { Database, Language, OverallStatus, WorldRegion } from "../../../db/schema";
import { outcomeFraction } from "./calendar";
import type { DashboardRow } from "./dashboard";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { PUBLIC_HUB_STATUSES, type PublicHubStatus } from "~/modules/hubs/lifecycle";
import { isPublicHubSql, publicStatusSql } from "~/modules/hubs/lifecycle.server";
import { listHubCalendars } from "./hub-calendars.server";

/**
 * One row per HUB (recognised by default, i.e. active or about to start): a fixed number of
 * queries whatever the number of HUBs.
 */
export async function listDashboardRows(
  db: Kysely<Database>,
  { today, language, statuses = ["recognised"] }: { today: string; language: Language; statuses?: ("recognised" | "completed")[] },
): Promise<DashboardRow[]> {
  const [hubs, calendars, lastUpdates, outcomes, values] = await Promise.all([
    db
      .selectFrom("hubs as h")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .leftJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
      .select(["h.id", "h.slug", "o.city", "o.country_code", "o.region", "g.goal", hubTitleSql(language).as("title"), publicStatusSql(today).as("public_status")])
      .where("h.status", "in", statuses)
      .orderBy("h.id")
      .execute(),
    listHubCalendars(db, { today, statuses }),
    // The last filed update of each HUB (submitted, in clarification or accepted).
    db
      .selectFrom("progress_updates as u")
      .select(["u.hub_id", "u.overall_status", "u.submitted_at", "u.period_end"])
      .where("u.status", "in", ["submitted", "clarification_requested", "accepted"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("progress_updates as later")
              .select("later.id")
              .whereRef("later.hub_id", "=", "u.hub_id")
              .where("later.status", "in", ["submitted", "clarification_requested", "accepted"])
              .where((eb) =>
                eb.or([eb("later.period_end", ">", eb.ref("u.period_end")), eb.and([eb("later.period_end", "=", eb.ref("u.period_end")), eb("later.id", ">", eb.ref("u.id"))])]),
              ),
          ),
        ),
      )
      .execute(),
    db.selectFrom("hub_outcomes").select(["id", "hub_id", "baseline", "target_value", "milestone"]).execute(),
    // The latest accepted value of every outcome.
    db
      .selectFrom("progress_update_outcomes as o")
      .innerJoin("progress_updates as u", "u.id", "o.update_id")
      .select(["o.outcome_id", "o.value", "o.milestone_reached", "u.period_end", "u.id"])
      .where("u.status", "=", "accepted")
      .orderBy("u.period_end")
      .orderBy("u.id")
      .execute(),
  ]);
  const calendarByHub = new Map(calendars.map((calendar) => [calendar.hubId, calendar]));
  const lastByHub = new Map(lastUpdates.map((row) => [row.hub_id, row]));
  const latestValue = new Map<number, { value: number | null; milestoneReached: boolean | null }>();
  for (const row of values) {
    // Ordered oldest first: the last one written wins, unless it left the outcome blank.
    const previous = latestValue.get(row.outcome_id);
    if (row.value !== null || row.milestone_reached !== null || !previous) latestValue.set(row.outcome_id, { value: row.value, milestoneReached: row.milestone_reached });
  }
  const outcomesByHub = new Map<number, typeof outcomes>();
  for (const outcome of outcomes) outcomesByHub.set(outcome.hub_id, [...(outcomesByHub.get(outcome.hub_id) ?? []), outcome]);

  return hubs.map((hub) => {
    const calendar = calendarByHub.get(hub.id)?.calendar;
    const last = lastByHub.get(hub.id);
    const hubOutcomes = outcomesByHub.get(hub.id) ?? [];
    const fractions = hubOutcomes.map((outcome) =>
      outcomeFraction({ baseline: outcome.baseline, targetValue: outcome.target_value, milestone: outcome.milestone }, latestValue.get(outcome.id)),
    );
    const known = fractions.filter((fraction): fraction is number => fraction !== null);
    return {
      hubId: hub.id,
      slug: hub.slug,
      title: hub.title,
      status: hub.public_status,
      city: hub.city,
      countryCode: hub.country_code.trim(),
      region: hub.region as WorldRegion,
      primarySdg: hub.goal ?? null,
      lastStatus: (last?.overall_status as OverallStatus | null) ?? null,
      lastDate: last?.submitted_at ? new Date(last.submitted_at).toISOString().slice(0, 10) : null,
      nextDue: calendar?.next?.dueDate ?? null,
      nextKind: calendar?.next?.kind ?? null,
      dueState: calendar?.next?.state ?? null,
      overdue: (calendar?.overdue.length ?? 0) > 0,
      overdueCount: calendar?.overdue.length ?? 0,
      progress: known.length ? known.reduce((sum, fraction) => sum + fraction, 0) / hubOutcomes.length : null,
      outcomes: hubOutcomes.length,
      outcomesAchieved: fractions.filter((fraction) => fraction === 1).length,
    };
  });
}

export interface DashboardFigures {
  byStatus: Record<PublicHubStatus, number>;
  bySdg: { goal: number; count: number }[];
  byRegion: { region: WorldRegion; count: number }[];
  overdueReports: number;
  overdueHubs: number;
  outcomesAchieved: number;
  outcomesTotal: number;
}

export async function dashboardFigures(db: Kysely<Database>, rows: DashboardRow[], today: string): Promise<DashboardFigures> {
  const statusRows = await db
    .selectFrom("hubs as h")
    .select([publicStatusSql(today).as("state"), (eb) => eb.fn.countAll<number>().as("count")])
    .where(isPublicHubSql())
    .groupBy(sql`1`)
    .execute();
  const byStatus = Object.fromEntries(PUBLIC_HUB_STATUSES.map((status) => [status, 0])) as Record<PublicHubStatus, number>;
  for (const row of statusRows) byStatus[row.state] = Number(row.count);
  const count = <K extends string | number>(keys: K[]) => {
    const map = new Map<K, number>();
    for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
    return map;
  };
  const sdgCounts = count(rows.flatMap((row) => (row.primarySdg ? [row.primarySdg] : [])));
  const regionCounts = count(rows.map((row) => row.region));
  return {
    byStatus,
    bySdg: [...sdgCounts].map(([goal, n]) => ({ goal, count: n })).sort((a, b) => a.goal - b.goal),
    byRegion: [...regionCounts].map(([region, n]) => ({ region, count: n })).sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)),
    overdueReports: rows.reduce((sum, row) => sum + row.overdueCount, 0),
    overdueHubs: rows.filter((row) => row.overdue).length,
    outcomesAchieved: rows.reduce((sum, row) => sum + row.outcomesAchieved, 0),
    outcomesTotal: rows.reduce((sum, row) => sum + row.outcomes, 0),
  };
}

/** What waits for the council: submitted proposals and submitted progress updates, oldest first. */
export async function reviewQueue(db: Kysely<Database>, language: Language) {
  const [proposals, updates] = await Promise.all([
    db
      .selectFrom("hubs as h")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .select(["h.id", "h.slug", "o.city", "h.submitted_at", hubTitleSql(language).as("title")])
      .where("h.status", "=", "submitted")
      .orderBy("h.submitted_at")
      .execute(),
    db
      .selectFrom("progress_updates as u")
      .innerJoin("hubs as h", "h.id", "u.hub_id")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .select(["u.id", "u.kind", "u.due_date", "u.submitted_at", "o.city", hubTitleSql(language).as("title")])
      .where("u.status", "=", "submitted")
      .orderBy("u.submitted_at")
      .execute(),
  ]);
  return { proposals, updates };
}
