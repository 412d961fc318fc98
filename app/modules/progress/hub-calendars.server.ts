/**
 * The reporting calendars of HUBs as stored: which periods each HUB has filed, read from the
 * database, then judged by the pure calendar (calendar.ts). Its own module so that the
 * notifications (which need the calendars) and the progress service (which sends notifications)
 * do not import each other.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, ProgressUpdateStatus } from "../../../db/schema";
import { calendarStatus, DEFAULT_INTERVAL_MONTHS, periodKey, type CalendarStatus } from "./calendar";

type Db = Kysely<Database> | Transaction<Database>;

/** Statuses that count as "the report was filed". */
export const FILED_STATUSES: ProgressUpdateStatus[] = ["submitted", "clarification_requested", "accepted"];

export interface HubCalendar {
  hubId: number;
  slug: string;
  status: "recognised" | "completed";
  startDate: string;
  endDate: string;
  intervalMonths: number;
  leadOrganisationId: number;
  calendar: CalendarStatus;
}

/**
 * The reporting calendar of many HUBs at once: two queries whatever their number (the HUBs with
 * their cadence, then every filed report's period), the rest is the pure calendar.
 */
export async function listHubCalendars(
  db: Db,
  { today, hubIds, organisationId, statuses = ["recognised"] }: { today: string; hubIds?: number[]; organisationId?: number; statuses?: ("recognised" | "completed")[] },
): Promise<HubCalendar[]> {
  if (hubIds && hubIds.length === 0) return [];
  let query = db
    .selectFrom("hubs as h")
    .leftJoin("hub_report_schedules as s", "s.hub_id", "h.id")
    .select(["h.id", "h.slug", "h.status", "h.start_date", "h.end_date", "h.lead_organisation_id", "s.interval_months"])
    .where("h.status", "in", statuses)
    .orderBy("h.id");
  if (hubIds) query = query.where("h.id", "in", hubIds);
  if (organisationId !== undefined) query = query.where("h.lead_organisation_id", "=", organisationId);
  const hubs = await query.execute();
  if (hubs.length === 0) return [];
  // The filed reports of the same HUBs, by a join rather than a list of ids: a registry-wide run
  // would otherwise send one bind parameter per HUB (PostgreSQL allows 65,535).
  let filedQuery = db
    .selectFrom("progress_updates as p")
    .innerJoin("hubs as h", "h.id", "p.hub_id")
    .select(["p.hub_id", "p.kind", "p.due_date"])
    .where("p.status", "in", FILED_STATUSES)
    .where("h.status", "in", statuses);
  if (hubIds) filedQuery = filedQuery.where("h.id", "in", hubIds);
  if (organisationId !== undefined) filedQuery = filedQuery.where("h.lead_organisation_id", "=", organisationId);
  const filed = await filedQuery.execute();
  const filedByHub = new Map<number, Set<string>>();
  for (const row of filed) {
    const keys = filedByHub.get(row.hub_id) ?? new Set<string>();
    keys.add(periodKey({ kind: row.kind, dueDate: row.due_date }));
    filedByHub.set(row.hub_id, keys);
  }
  return hubs.map((hub) => {
    const intervalMonths = hub.interval_months ?? DEFAULT_INTERVAL_MONTHS;
    return {
      hubId: hub.id,
      slug: hub.slug,
      status: hub.status as "recognised" | "completed",
      startDate: hub.start_date,
      endDate: hub.end_date,
      intervalMonths,
      leadOrganisationId: hub.lead_organisation_id,
      calendar:
        hub.status === "completed"
          ? { periods: [], next: null, overdue: [], open: [], pending: [] }
          : calendarStatus({ startDate: hub.start_date, endDate: hub.end_date, intervalMonths }, filedByHub.get(hub.id) ?? new Set(), today),
    };
  });
}
