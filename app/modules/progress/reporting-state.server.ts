/**
 * The stored reporting state of each public HUB (table hub_reporting_state, migration 120): what the
 * council dashboard sorts, filters and counts, kept current instead of computing 100,000 calendars
 * per request. docs/decisions/120-performance-at-scale.md says why.
 *
 * - `computeReportingState` derives it from the reports, the schedule, the timeline and the outcomes,
 *   with the rules of calendar.ts (nothing here depends on `today`: the next report and the periods
 *   not filed yet are facts of the data; whether they are overdue is judged when read).
 * - `refreshReportingState` stores it for some HUBs; every transaction that changes a report, a
 *   reporting schedule, a timeline, the outcomes or the status of a HUB calls it before committing.
 * - `ensureReportingState` fills the rows missing (a database that predates the table, seeds and
 *   fixtures that insert HUBs directly) before the dashboard reads.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, OverallStatus } from "../../../db/schema";
import { outcomeFraction, type ReportKind } from "./calendar";
import { FILED_STATUSES, listHubCalendars } from "./hub-calendars.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { cachedPublic } from "~/modules/hubs/public-cache.server";

type Db = Kysely<Database> | Transaction<Database>;

/** The HUB statuses that have a stored row: the public ones (a completed HUB has nothing due). */
const STORED_STATUSES: ("recognised" | "completed")[] = ["recognised", "completed"];
const CHUNK = 500;

export interface ReportingState {
  hubId: number;
  nextKind: ReportKind | null;
  nextDueDate: string | null;
  /** Due dates of every period not filed yet, ascending. */
  pendingDueDates: string[];
  lastOverallStatus: OverallStatus | null;
  lastFiledOn: string | null;
  /** Mean progress across the outcomes (0…1) from accepted updates; null before the first value. */
  progress: number | null;
  outcomes: number;
  outcomesAchieved: number;
}

/** The reporting state of `hubIds` (those among them that are public), computed from the data. */
export async function computeReportingState(db: Db, hubIds: number[]): Promise<ReportingState[]> {
  if (hubIds.length === 0) return [];
  // Which periods are filed and which come next does not depend on the day asked.
  const [calendars, lastFiled, outcomes, values] = await Promise.all([
    listHubCalendars(db, { today: isoToday(), hubIds, statuses: STORED_STATUSES }),
    db
      .selectFrom("progress_updates as u")
      .distinctOn("u.hub_id")
      .select(["u.hub_id", "u.overall_status", "u.submitted_at"])
      .where("u.hub_id", "in", hubIds)
      .where("u.status", "in", FILED_STATUSES)
      .orderBy("u.hub_id")
      .orderBy("u.period_end", "desc")
      .orderBy("u.id", "desc")
      .execute(),
    db.selectFrom("hub_outcomes").select(["id", "hub_id", "baseline", "target_value", "milestone"]).where("hub_id", "in", hubIds).orderBy("id").execute(),
    // Every accepted value of these HUBs' outcomes, oldest first.
    db
      .selectFrom("progress_update_outcomes as o")
      .innerJoin("progress_updates as u", "u.id", "o.update_id")
      .select(["o.outcome_id", "o.value", "o.milestone_reached"])
      .where("u.hub_id", "in", hubIds)
      .where("u.status", "=", "accepted")
      .orderBy("u.period_end")
      .orderBy("u.id")
      .execute(),
  ]);
  const lastByHub = new Map(lastFiled.map((row) => [row.hub_id, row]));
  const latestValue = new Map<number, { value: number | null; milestoneReached: boolean | null }>();
  for (const row of values) {
    // The last one written wins, unless it left the outcome blank.
    const previous = latestValue.get(row.outcome_id);
    if (row.value !== null || row.milestone_reached !== null || !previous) latestValue.set(row.outcome_id, { value: row.value, milestoneReached: row.milestone_reached });
  }
  const outcomesByHub = new Map<number, typeof outcomes>();
  for (const outcome of outcomes) outcomesByHub.set(outcome.hub_id, [...(outcomesByHub.get(outcome.hub_id) ?? []), outcome]);

  return calendars.map(({ hubId, calendar }) => {
    const last = lastByHub.get(hubId);
    const hubOutcomes = outcomesByHub.get(hubId) ?? [];
    const fractions = hubOutcomes.map((outcome) =>
      outcomeFraction({ baseline: outcome.baseline, targetValue: outcome.target_value, milestone: outcome.milestone }, latestValue.get(outcome.id)),
    );
    const known = fractions.filter((fraction): fraction is number => fraction !== null);
    return {
      hubId,
      nextKind: calendar.next?.kind ?? null,
      nextDueDate: calendar.next?.dueDate ?? null,
      pendingDueDates: calendar.pending.map((period) => period.dueDate),
      lastOverallStatus: (last?.overall_status as OverallStatus | null | undefined) ?? null,
      lastFiledOn: last?.submitted_at ? new Date(last.submitted_at).toISOString().slice(0, 10) : null,
      progress: known.length ? known.reduce((sum, fraction) => sum + fraction, 0) / hubOutcomes.length : null,
      outcomes: hubOutcomes.length,
      outcomesAchieved: fractions.filter((fraction) => fraction === 1).length,
    };
  });
}

function toRow(state: ReportingState) {
  return {
    hub_id: state.hubId,
    next_kind: state.nextKind,
    next_due_date: state.nextDueDate,
    pending_due_dates: `{${state.pendingDueDates.join(",")}}`,
    last_overall_status: state.lastOverallStatus,
    last_filed_on: state.lastFiledOn,
    progress: state.progress,
    outcomes: state.outcomes,
    outcomes_achieved: state.outcomesAchieved,
  };
}

/**
 * Stores the reporting state of `hubIds` inside the caller's transaction, after its writes. The HUB
 * rows are locked first (FOR NO KEY UPDATE, which does not block inserts that reference them) so that
 * two transactions refreshing the same HUB take turns and the second computes from the first's data.
 */
export async function refreshReportingState(trx: Transaction<Database>, hubIds: number[]): Promise<void> {
  const ids = [...new Set(hubIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await trx.selectFrom("hubs").select("id").where("id", "in", chunk).orderBy("id").forNoKeyUpdate().execute();
    const states = await computeReportingState(trx, chunk);
    const kept = new Set(states.map((state) => state.hubId));
    const gone = chunk.filter((id) => !kept.has(id));
    if (gone.length) await trx.deleteFrom("hub_reporting_state").where("hub_id", "in", gone).execute();
    if (states.length) {
      await trx
        .insertInto("hub_reporting_state")
        .values(states.map(toRow))
        .onConflict((oc) =>
          oc.column("hub_id").doUpdateSet((eb) => ({
            next_kind: eb.ref("excluded.next_kind"),
            next_due_date: eb.ref("excluded.next_due_date"),
            pending_due_dates: eb.ref("excluded.pending_due_dates"),
            last_overall_status: eb.ref("excluded.last_overall_status"),
            last_filed_on: eb.ref("excluded.last_filed_on"),
            progress: eb.ref("excluded.progress"),
            outcomes: eb.ref("excluded.outcomes"),
            outcomes_achieved: eb.ref("excluded.outcomes_achieved"),
          })),
        )
        .execute();
    }
  }
}

/**
 * Fills the rows of public HUBs that have none (never overwrites one: a row that exists was written
 * by the transaction that last changed its HUB). Checked once per public data version: a row can
 * only go missing through a write to `hubs`, which moves it (and a fill moves it too, so the next
 * read checks once more and finds nothing).
 */
export function ensureReportingState(db: Kysely<Database>): Promise<void> {
  return cachedPublic(db, "reporting-state-complete", () => fillMissingReportingState(db));
}

/** Two counts first (at 100,000 HUBs, tens of milliseconds); equal, nothing is missing. */
async function fillMissingReportingState(db: Kysely<Database>): Promise<void> {
  const counts = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("hubs").select(eb.fn.countAll<number>().as("n")).where("status", "in", STORED_STATUSES).as("public_hubs"),
      eb.selectFrom("hub_reporting_state").select(eb.fn.countAll<number>().as("n")).as("stored"),
    ])
    .executeTakeFirstOrThrow();
  if (Number(counts.public_hubs) === Number(counts.stored)) return;
  const missing = await db
    .selectFrom("hubs as h")
    .leftJoin("hub_reporting_state as s", "s.hub_id", "h.id")
    .select("h.id")
    .where("h.status", "in", STORED_STATUSES)
    .where("s.hub_id", "is", null)
    .orderBy("h.id")
    .execute();
  for (let start = 0; start < missing.length; start += CHUNK) {
    const states = await computeReportingState(
      db,
      missing.slice(start, start + CHUNK).map((row) => row.id),
    );
    if (states.length) await db.insertInto("hub_reporting_state").values(states.map(toRow)).onConflict((oc) => oc.column("hub_id").doNothing()).execute();
  }
}

/** The stored state of `hubIds` (tests compare it with `computeReportingState`). */
export async function readReportingState(db: Db, hubIds: number[]): Promise<ReportingState[]> {
  if (hubIds.length === 0) return [];
  const rows = await db
    .selectFrom("hub_reporting_state")
    .selectAll()
    .select((eb) => eb.fn<string>("array_to_string", ["pending_due_dates", eb.val(",")]).as("pending"))
    .where("hub_id", "in", hubIds)
    .orderBy("hub_id")
    .execute();
  return rows.map((row) => ({
    hubId: row.hub_id,
    nextKind: row.next_kind,
    nextDueDate: row.next_due_date,
    pendingDueDates: row.pending ? row.pending.split(",") : [],
    lastOverallStatus: row.last_overall_status,
    lastFiledOn: row.last_filed_on,
    progress: row.progress,
    outcomes: row.outcomes,
    outcomesAchieved: row.outcomes_achieved,
  }));
}
