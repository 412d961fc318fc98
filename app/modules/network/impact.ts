/**
 * Impact in terms of acceleration and synchronisation (issue 16), as pure functions of a HUB's
 * outcomes, its latest reported values, its timeline and `today` (passed in, never read here).
 *
 * Acceleration compares each outcome's progress with the share of the timeline elapsed:
 *   progress = (latest − baseline) / (target − baseline), clamped to 0…1 (a numeric outcome), or
 *              1 once its milestone is reported reached, else 0 (a milestone outcome);
 *   elapsed  = days since the start / days of the timeline, clamped to 0…1;
 *   ahead    when progress ≥ elapsed + TOLERANCE, behind when progress < elapsed − TOLERANCE,
 *   on track otherwise. An outcome with no reported value yet, or whose baseline equals its
 *   target, is "not measured" (never counted as behind for lack of a report).
 */
export const TOLERANCE = 0.1;

export type Pace = "ahead" | "on_track" | "behind" | "not_measured";

export interface OutcomeForPace {
  baseline: number | null;
  targetValue: number | null;
  milestone: string | null;
}

export interface ReportedValue {
  value: number | null;
  milestoneReached?: boolean | null;
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** The share of the timeline elapsed on `today`, 0…1. */
export function elapsedShare(startDate: string, endDate: string, today: string): number {
  const total = days(startDate, endDate);
  if (total <= 0) return today >= endDate ? 1 : 0;
  return clamp(days(startDate, today) / total);
}

/** The outcome's progress towards its target, 0…1, or null when it cannot be measured yet. */
export function outcomeProgress(outcome: OutcomeForPace, reported: ReportedValue | undefined): number | null {
  if (!reported) return null;
  if (outcome.targetValue !== null && outcome.baseline !== null && reported.value !== null) {
    if (outcome.targetValue === outcome.baseline) return null;
    return clamp((reported.value - outcome.baseline) / (outcome.targetValue - outcome.baseline));
  }
  if (outcome.milestone && reported.milestoneReached !== undefined && reported.milestoneReached !== null) return reported.milestoneReached ? 1 : 0;
  return null;
}

export function paceOf(progress: number | null, elapsed: number): Pace {
  if (progress === null) return "not_measured";
  if (progress >= elapsed + TOLERANCE) return "ahead";
  if (progress < elapsed - TOLERANCE) return "behind";
  return "on_track";
}

export interface SynchronisationMeasures {
  links: number;
  jointProducts: number;
  /** Network events the HUB was presented at. */
  eventsTogether: number;
  /** Exchange participation: visible posts by members of the HUB's lead organisation. */
  exchangePosts: number;
}

export function paceCounts(paces: Pace[]): Record<Pace, number> {
  const counts: Record<Pace, number> = { ahead: 0, on_track: 0, behind: 0, not_measured: 0 };
  for (const pace of paces) counts[pace] += 1;
  return counts;
}
