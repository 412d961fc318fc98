import { PUBLIC_STORED_STATUSES } from "~/modules/hubs/lifecycle";
import { pickText } from "~/modules/i18n/text-fallback";
import type { Expression, Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, Language, OverallStatus, ProgressUpdateKind } from "../../../db/schema";
import { reusableStatement } from "../../../db/reusable-statement";
import { outcomeFraction } from "./calendar";
import { outcomesOf, updateLists, type OutcomeRow, type UpdateDetail } from "./progress.server";

type Db = Kysely<Database> | Transaction<Database>;

/** What the public sees of a HUB's progress: accepted updates only, each text in the reader's language where it has one. */
/** The narrative in `language` when translated, else in the original language (and which one it is). */
export function narrativeIn(update: Pick<UpdateDetail, "translations" | "original_language">, language: Language) {
  return pickText(update.translations, "narrative", language, update.original_language) ?? { text: "", language: update.original_language };
}

export interface PublishedOutcomeValue {
  outcomeId: number;
  statement: string;
  indicator: string;
  unit: string | null;
  baseline: number | null;
  targetValue: number | null;
  milestone: string | null;
  value: number | null;
  milestoneReached: boolean | null;
  comment: string | null;
  fraction: number | null;
}

export interface PublishedUpdate {
  id: number;
  kind: ProgressUpdateKind;
  periodStart: string;
  periodEnd: string;
  acceptedAt: string | null;
  overallStatus: OverallStatus | null;
  narrative: string;
  narrativeLanguage: Language;
  outcomes: PublishedOutcomeValue[];
  activities: { title: string; heldOn: string }[];
  evidence: { url: string; label: string | null }[];
}

/**
 * A HUB's outcomes and, if it is public, its accepted updates, newest first, each with its lists: one
 * statement whatever the number of updates, compiled once (db/reusable-statement.ts). Drafts and
 * pending reviews never appear.
 */
export function acceptedProgressQuery(db: Db, hubId: number | Expression<number>) {
  return db
    .selectFrom("hubs as h")
    .where("h.id", "=", hubId)
    .select((eb) => [
      jsonArrayFrom(outcomesOf(db, eb.ref("h.id"))).as("outcomes"),
      jsonArrayFrom(
        db
          .selectFrom("progress_updates as u")
          .select((inner) => ["u.id", "u.kind", "u.period_start", "u.period_end", "u.accepted_at", "u.overall_status", "u.original_language", ...updateLists(inner)])
          .where("u.hub_id", "=", eb.ref("h.id"))
          .where("u.status", "=", "accepted")
          .where(eb("h.status", "in", PUBLIC_STORED_STATUSES))
          .orderBy("u.period_end", "desc")
          .orderBy("u.id", "desc"),
      ).as("updates"),
    ]);
}

/** A row of `acceptedProgressQuery` (null: no such HUB). */
export type AcceptedProgressRow = Awaited<ReturnType<ReturnType<typeof acceptedProgressQuery>["execute"]>>[number];

const acceptedProgressStatement = reusableStatement("accepted progress", (db: Db, { hubId }: { hubId: number }) => acceptedProgressQuery(db, hubId));

async function acceptedProgress(db: Db, hubId: number) {
  const [row] = await acceptedProgressStatement.execute(db, { hubId });
  return row ?? null;
}

/** Accepted updates of a public HUB with their per-outcome values, newest first. */
export async function listPublishedProgress(db: Db, hubId: number, language: Language): Promise<PublishedUpdate[]> {
  return presentPublishedProgress(await acceptedProgress(db, hubId), language).updates;
}

/** What a HUB's public page shows of its progress: the updates (`listPublishedProgress`) and the chart's series (`latestOutcomeProgress`), from one read. */
export async function publishedProgress(db: Db, hubId: number, language: Language): Promise<{ updates: PublishedUpdate[]; series: OutcomeProgressPoint[] }> {
  return presentPublishedProgress(await acceptedProgress(db, hubId), language);
}

/** `publishedProgress` from a row of `acceptedProgressQuery` (the HUB page reads it inside its own statement). */
export function presentPublishedProgress(row: AcceptedProgressRow | null, language: Language): { updates: PublishedUpdate[]; series: OutcomeProgressPoint[] } {
  const outcomes = row?.outcomes ?? [];
  const updates = row?.updates ?? [];
  return { updates: updates.map((update) => presentUpdate(update, outcomes, language)), series: progressSeries(outcomes, updates) };
}

/** An update as readers see it: narrative in their language where translated, every outcome with its value. */
export function presentUpdate(
  // accepted_at: a Date from a column, its ISO text from inside a JSON list.
  update: Pick<UpdateDetail, "id" | "kind" | "period_start" | "period_end" | "overall_status" | "original_language" | "translations" | "outcomes" | "activities" | "evidence"> & { accepted_at: Date | string | null },
  outcomes: OutcomeRow[],
  language: Language,
): PublishedUpdate {
  const narrative = narrativeIn(update, language);
  const byOutcome = new Map(update.outcomes.map((row) => [row.outcome_id, row]));
  return {
    id: update.id,
    kind: update.kind,
    periodStart: update.period_start,
    periodEnd: update.period_end,
    acceptedAt: update.accepted_at ? new Date(update.accepted_at).toISOString() : null,
    overallStatus: update.overall_status,
    narrative: narrative.text,
    narrativeLanguage: narrative.language,
    outcomes: outcomes.map((outcome) => {
      const reported = byOutcome.get(outcome.id);
      return {
        outcomeId: outcome.id,
        statement: outcome.statement,
        indicator: outcome.indicator,
        unit: outcome.unit,
        baseline: outcome.baseline,
        targetValue: outcome.target_value,
        milestone: outcome.milestone,
        value: reported?.value ?? null,
        milestoneReached: reported?.milestone_reached ?? null,
        comment: reported?.comment ?? null,
        fraction: outcomeFraction(
          { baseline: outcome.baseline, targetValue: outcome.target_value, milestone: outcome.milestone },
          reported ? { value: reported.value, milestoneReached: reported.milestone_reached } : undefined,
        ),
      };
    }),
    activities: update.activities.map((activity) => ({ title: activity.title, heldOn: activity.held_on })),
    evidence: update.evidence,
  };
}

export interface OutcomeProgressPoint {
  outcomeId: number;
  statement: string;
  /** End of the reporting period of each accepted update, oldest first. */
  points: { date: string; fraction: number | null }[];
  latest: number | null;
}

/**
 * Each outcome's progress over time from the accepted updates (for the chart) and its latest
 * value. Accepted updates only, so it is public data.
 */
export async function latestOutcomeProgress(db: Db, hubId: number): Promise<OutcomeProgressPoint[]> {
  const { outcomes, updates } = await acceptedProgress(db, hubId);
  return progressSeries(outcomes, updates);
}

/** Each outcome's points, oldest update first: one per accepted update that reports the outcome. */
function progressSeries(outcomes: OutcomeRow[], newestFirst: Pick<UpdateDetail, "period_end" | "outcomes">[]): OutcomeProgressPoint[] {
  const oldestFirst = [...newestFirst].reverse();
  return outcomes.map((outcome) => {
    const points = oldestFirst.flatMap((update) =>
      update.outcomes
        .filter((row) => row.outcome_id === outcome.id)
        .map((row) => ({
          date: update.period_end,
          fraction: outcomeFraction(
            { baseline: outcome.baseline, targetValue: outcome.target_value, milestone: outcome.milestone },
            { value: row.value, milestoneReached: row.milestone_reached },
          ),
        })),
    );
    const known = points.filter((point) => point.fraction !== null);
    return { outcomeId: outcome.id, statement: outcome.statement, points, latest: known.length ? known[known.length - 1].fraction : null };
  });
}
