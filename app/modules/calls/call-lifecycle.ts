/**
 * The rules of a call for proposals as pure functions of its stored fields and of `now` (never read
 * from the clock here: callers pass it, so tests fix it at the boundary). Times are UTC instants.
 * Why these states and rules: docs/decisions/140-calls-for-proposals.md.
 *
 *   not published                          → "draft"      (only the secretariat sees it)
 *   published, now < opens_at              → "scheduled"
 *   published, opens_at ≤ now < closes_at  → "open"       (a standing call has no closes_at: open for good)
 *   published, closes_at ≤ now             → "closed"
 *   results_published_at set               → "results_published"
 */
export type CallState = "draft" | "scheduled" | "open" | "closed" | "results_published";

/** In the order a call goes through them. */
export const CALL_STATES: CallState[] = ["draft", "scheduled", "open", "closed", "results_published"];

/** The longest HUB timeline a call may allow, in years (and the default). */
export const MAX_TIMELINE_YEARS = 3;

export interface CallTimes {
  published: boolean;
  standing: boolean;
  opensAt: Date | string;
  closesAt: Date | string | null;
  resultsPublishedAt: Date | string | null;
}

const instant = (value: Date | string) => (value instanceof Date ? value : new Date(value)).getTime();

export function callStateOf(call: CallTimes, now: Date): CallState {
  if (call.resultsPublishedAt) return "results_published";
  if (!call.published) return "draft";
  const at = now.getTime();
  if (at < instant(call.opensAt)) return "scheduled";
  if (call.standing || call.closesAt === null || at < instant(call.closesAt)) return "open";
  return "closed";
}

/** The calls the public sees: every state but the draft. */
export function isPublicCallState(state: CallState): boolean {
  return state !== "draft";
}

/** The criteria (and the times and eligibility the applicants rely on) change only before the call opens. */
export function criteriaEditable(state: CallState): boolean {
  return state === "draft" || state === "scheduled";
}

/** A proposal may be submitted to the call now: the call is open (server time). */
export function acceptsSubmissions(call: CallTimes, now: Date): boolean {
  return callStateOf(call, now) === "open";
}

/** Results are published for the whole call once it has closed (a standing call never closes: its HUBs are decided one by one). */
export function canPublishResults(call: CallTimes, now: Date): boolean {
  return callStateOf(call, now) === "closed";
}

/** Whole days and hours left until `closesAt` (zero once passed). */
export function timeLeft(closesAt: Date | string, now: Date): { days: number; hours: number; minutes: number; closed: boolean } {
  const ms = instant(closesAt) - now.getTime();
  if (ms <= 0) return { days: 0, hours: 0, minutes: 0, closed: true };
  const minutesTotal = Math.floor(ms / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60, closed: false };
}

/**
 * Which call a new proposal answers by default: the only open call, or none (the city chooses among
 * several; with none open the proposal stays a draft until one opens). A standing call is the fallback
 * when a dated call is open too, so the dated one is preselected.
 */
export function preselectedCallId(openCalls: readonly { id: number; standing: boolean }[]): number | null {
  if (openCalls.length === 1) return openCalls[0].id;
  const dated = openCalls.filter((call) => !call.standing);
  return dated.length === 1 ? dated[0].id : null;
}

/** The timeline fits the call: at most `maxYears` from start to end ('YYYY-MM-DD'). */
export function timelineFits(startDate: string, endDate: string, maxYears: number): boolean {
  const start = new Date(`${startDate}T00:00:00Z`);
  const limit = new Date(Date.UTC(start.getUTCFullYear() + Math.min(maxYears, MAX_TIMELINE_YEARS), start.getUTCMonth(), start.getUTCDate()));
  return new Date(`${endDate}T00:00:00Z`).getTime() <= limit.getTime();
}

/** Default criteria: the programme's main characteristics (locale keys calls:criteria.<key>). */
export const DEFAULT_CRITERIA = ["locallyDriven", "agreedOutcomes", "uclgIdentity", "actionable", "agenda2030", "communication", "keyComponents"] as const;

// --- Evaluation ---

/** A council member's possible conflict with a proposal: the same organisation or the same country. */
export function conflictFlags(
  member: { organisationId: number | null; countryCode: string | null },
  proposal: { organisationIds: readonly number[]; countryCodes: readonly string[] },
): { sameOrganisation: boolean; sameCountry: boolean } {
  return {
    sameOrganisation: member.organisationId !== null && proposal.organisationIds.includes(member.organisationId),
    sameCountry: member.countryCode !== null && proposal.countryCodes.includes(member.countryCode),
  };
}

export interface CriterionStats {
  count: number;
  average: number | null;
  /** Highest minus lowest score: how far the members disagree. */
  spread: number | null;
}

export function criterionStats(scores: readonly number[]): CriterionStats {
  if (!scores.length) return { count: 0, average: null, spread: null };
  const sum = scores.reduce((total, score) => total + score, 0);
  return { count: scores.length, average: sum / scores.length, spread: Math.max(...scores) - Math.min(...scores) };
}

export interface ScoreRow {
  reviewerId: number;
  criterionId: number;
  score: number;
}

/**
 * A proposal's averages per criterion and overall, counting only members without a conflict. The
 * overall average is the mean of the criteria's averages (each criterion weighs the same).
 */
export function proposalStats(scores: readonly ScoreRow[], criterionIds: readonly number[], conflicted: ReadonlySet<number>) {
  const counted = scores.filter((row) => !conflicted.has(row.reviewerId));
  const perCriterion = new Map(criterionIds.map((id) => [id, criterionStats(counted.filter((row) => row.criterionId === id).map((row) => row.score))]));
  const averages = [...perCriterion.values()].flatMap((stats) => (stats.average === null ? [] : [stats.average]));
  const overall = averages.length ? averages.reduce((a, b) => a + b, 0) / averages.length : null;
  const reviewers = new Set(counted.map((row) => row.reviewerId)).size;
  return { perCriterion, overall, reviewers };
}

/** Ranked: highest overall average first; unscored proposals last; ties by title. */
export function rankProposals<T extends { overall: number | null; title: string }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.overall === null || b.overall === null) return a.overall === b.overall ? a.title.localeCompare(b.title) : a.overall === null ? 1 : -1;
    return b.overall - a.overall || a.title.localeCompare(b.title);
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((row, index) => {
    if (row.overall === null) return { ...row, rank: null };
    if (row.overall !== previous) rank = index + 1;
    previous = row.overall;
    return { ...row, rank };
  });
}
