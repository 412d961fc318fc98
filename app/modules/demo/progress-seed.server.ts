/**
 * Demo monitoring data, so the dashboard and the annual report show something on first run:
 * accepted progress updates for every past reporting period, one overdue HUB (Bogotá's last
 * progress report is missing: the demo city account sees it at once), one report waiting for
 * review, and one completed HUB (the first to end) with its accepted final report.
 * Dates are relative to `today` (passed in, the real date by default); the periods come from the
 * reporting calendar, the same rules the app applies.
 */
import type { Transaction } from "kysely";
import type { Database, OverallStatus } from "../../../db/schema";
import {
  DEMO_ACTIVITY,
  DEMO_FINAL_NARRATIVE,
  DEMO_NARRATIVE,
  DEMO_OVERDUE_HUB,
  DEMO_PACE,
  DEMO_PENDING_REVIEW_HUB,
} from "../../../db/seed/demo-progress";
import { isoToday } from "~/modules/hubs/lifecycle";
import { refreshReportingState } from "~/modules/progress/reporting-state.server";
import { addDays, reportingPeriods, type ReportPeriod } from "~/modules/progress/calendar";

export { DEMO_OVERDUE_HUB, DEMO_PENDING_REVIEW_HUB };

function statusFor(pace: number): OverallStatus {
  if (pace >= 0.95) return "on_track";
  if (pace >= 0.75) return "at_risk";
  return "off_track";
}

function at(date: string, hour = 12): Date {
  return new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
}

export async function seedDemoProgress(trx: Transaction<Database>, { today = isoToday() }: { today?: string } = {}): Promise<{ updates: number }> {
  const hubs = await trx
    .selectFrom("hubs")
    .select(["id", "slug", "start_date", "end_date", "original_language", "website", "lead_organisation_id"])
    .where("status", "=", "recognised")
    .orderBy("id")
    .execute();
  const outcomes = await trx.selectFrom("hub_outcomes").select(["id", "hub_id", "baseline", "target_value", "milestone"]).orderBy("id").execute();
  const city = await trx.selectFrom("users").select(["id", "organisation_id"]).where("role", "=", "city").execute();
  const council = await trx.selectFrom("users").select("id").where("role", "=", "council").orderBy("id").executeTakeFirst();
  const reviewer = council?.id ?? null;
  const ended = hubs.filter((hub) => addDays(hub.end_date, 60) < today).sort((a, b) => a.end_date.localeCompare(b.end_date));
  const completedHubId = ended[0]?.id;
  let count = 0;

  for (const [index, hub] of hubs.entries()) {
    const pace = DEMO_PACE[index % DEMO_PACE.length];
    const author = city.find((user) => user.organisation_id === hub.lead_organisation_id)?.id ?? null;
    const periods = reportingPeriods({ startDate: hub.start_date, endDate: hub.end_date });
    const past = periods.filter((period) => period.dueDate < today);
    const plan: { period: ReportPeriod; status: "accepted" | "submitted" }[] = [];
    for (const period of past) {
      const isLast = period === past[past.length - 1];
      if (hub.slug === DEMO_OVERDUE_HUB && isLast) continue; // the overdue report
      if (period.kind === "final") {
        plan.push({ period, status: hub.id === completedHubId ? "accepted" : "submitted" });
      } else {
        plan.push({ period, status: hub.slug === DEMO_PENDING_REVIEW_HUB && isLast ? "submitted" : "accepted" });
      }
    }
    const duration = Math.max(1, at(hub.end_date).getTime() - at(hub.start_date).getTime());
    for (const { period, status } of plan) {
      const final = period.kind === "final";
      const elapsed = (at(period.end).getTime() - at(hub.start_date).getTime()) / duration;
      const fraction = final && hub.id === completedHubId ? 1 : Math.min(1, Math.max(0, elapsed * pace));
      const latest = at(addDays(today, -1), 18);
      const earliest = (date: Date) => (date < latest ? date : latest);
      const submittedAt = earliest(at(addDays(final ? hub.end_date : period.dueDate, final ? 30 : -5), 10));
      const acceptedAt = earliest(at(addDays(final ? hub.end_date : period.dueDate, final ? 45 : 12), 15));
      const language = hub.original_language;
      const { id } = await trx
        .insertInto("progress_updates")
        .values({
          hub_id: hub.id,
          kind: period.kind,
          period_start: period.start,
          period_end: period.end,
          due_date: period.dueDate,
          status,
          overall_status: final && hub.id === completedHubId ? "achieved" : statusFor(pace),
          original_language: language,
          version: status === "accepted" ? 3 : 2,
          created_by: author,
          created_at: at(addDays(period.dueDate, -20)),
          updated_at: status === "accepted" ? acceptedAt : submittedAt,
          submitted_at: submittedAt,
          reviewed_at: status === "accepted" ? acceptedAt : null,
          reviewed_by: status === "accepted" ? reviewer : null,
          accepted_at: status === "accepted" ? acceptedAt : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      count += 1;
      await trx
        .insertInto("progress_update_translations")
        .values({ update_id: id, language, narrative: final ? DEMO_FINAL_NARRATIVE[language] : DEMO_NARRATIVE[language](1) })
        .execute();
      const own = outcomes.filter((outcome) => outcome.hub_id === hub.id);
      if (own.length > 0) {
        await trx
          .insertInto("progress_update_outcomes")
          .values(
            own.map((outcome) => {
              const milestone = outcome.milestone !== null || outcome.target_value === null;
              const baseline = outcome.baseline ?? 0;
              const value = milestone ? null : Math.round((baseline + ((outcome.target_value ?? baseline) - baseline) * fraction) * 10) / 10;
              return { update_id: id, outcome_id: outcome.id, value, milestone_reached: milestone ? fraction >= 0.75 : null, comment: null };
            }),
          )
          .execute();
      }
      await trx.insertInto("progress_update_activities").values({ update_id: id, position: 0, title: DEMO_ACTIVITY[language], held_on: addDays(period.end, -20) }).execute();
      if (hub.website) await trx.insertInto("progress_update_evidence").values({ update_id: id, position: 0, url: hub.website, label: null }).execute();
      const audit = [
        { entity: "progress_update", entity_id: id, hub_id: hub.id, actor_user_id: author, action: "create", from_status: null, to_status: "draft", at: at(addDays(period.dueDate, -20)) },
        { entity: "progress_update", entity_id: id, hub_id: hub.id, actor_user_id: author, action: "submit", from_status: "draft", to_status: "submitted", at: submittedAt },
      ];
      if (status === "accepted") {
        audit.push({ entity: "progress_update", entity_id: id, hub_id: hub.id, actor_user_id: reviewer, action: "accept", from_status: "submitted", to_status: "accepted", at: acceptedAt });
      }
      await trx.insertInto("audit_log").values(audit).execute();
      if (final && status === "accepted") {
        await trx.updateTable("hubs").set({ status: "completed", completed_at: acceptedAt, updated_at: acceptedAt }).where("id", "=", hub.id).execute();
        await trx
          .insertInto("audit_log")
          .values({ entity: "hub", entity_id: hub.id, hub_id: hub.id, actor_user_id: reviewer, action: "complete", from_status: "recognised", to_status: "completed", at: acceptedAt })
          .execute();
      }
    }
  }
  // Written directly, like a history: the dashboard's stored state follows it in the same transaction.
  await refreshReportingState(trx, hubs.map((hub) => hub.id));
  return { updates: count };
}
