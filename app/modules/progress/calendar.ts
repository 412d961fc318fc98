/**
 * The reporting calendar of a HUB, as pure functions of its dates and of `today` (never read
 * from the clock here: callers pass it, so tests fix it). Dates are 'YYYY-MM-DD' strings.
 */
export type ReportKind = "progress" | "final";
export type DueState = "upcoming" | "due_soon" | "due_today" | "overdue";

export const DEFAULT_INTERVAL_MONTHS = 6;
export const FINAL_REPORT_DAYS = 60;
export const DUE_SOON_DAYS = 30;

export interface ReportPeriod {
  kind: ReportKind;
  /** 1-based; the final report comes last. */
  index: number;
  start: string;
  end: string;
  dueDate: string;
}

function parse(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}
function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return format(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/**
 * Progress reports every `intervalMonths` from the start date while the HUB runs, then the final
 * report, due `FINAL_REPORT_DAYS` after the end date and covering the time since the last one.
 */
export function reportingPeriods({
  startDate,
  endDate,
  intervalMonths = DEFAULT_INTERVAL_MONTHS,
}: {
  startDate: string;
  endDate: string;
  intervalMonths?: number;
}): ReportPeriod[] {
  const months = Math.max(1, Math.floor(intervalMonths));
  const periods: ReportPeriod[] = [];
  let periodStart = startDate;
  for (let index = 1; index < 1000; index += 1) {
    const dueDate = addMonths(startDate, index * months);
    if (dueDate > endDate) break;
    // A progress report that would fall on the end date is the final report's job.
    if (dueDate === endDate) break;
    periods.push({ kind: "progress", index, start: periodStart, end: addDays(dueDate, -1), dueDate });
    periodStart = dueDate;
  }
  periods.push({ kind: "final", index: periods.length + 1, start: periodStart, end: endDate, dueDate: addDays(endDate, FINAL_REPORT_DAYS) });
  return periods;
}

export function periodKey(period: { kind: ReportKind; dueDate: string }): string {
  return `${period.kind}:${period.dueDate}`;
}

export function dueState(dueDate: string, today: string, soonDays = DUE_SOON_DAYS): DueState {
  const days = daysBetween(today, dueDate);
  if (days < 0) return "overdue";
  if (days === 0) return "due_today";
  if (days <= soonDays) return "due_soon";
  return "upcoming";
}

export interface CalendarStatus {
  periods: ReportPeriod[];
  /** The first period without a filed (submitted, in clarification or accepted) report; null once all are filed. */
  next: (ReportPeriod & { state: DueState; daysLeft: number }) | null;
  /** Periods whose due date has passed without a filed report. */
  overdue: ReportPeriod[];
  /** Periods the city may write a report for now: started and not filed yet. */
  open: ReportPeriod[];
  /** Every period not filed yet, with its state on `today`. */
  pending: (ReportPeriod & { state: DueState })[];
}

/**
 * Where a HUB stands on `today`, given the keys (periodKey) of the reports it has filed.
 * A report counts as filed from its submission on: asking for clarification does not make it late again.
 */
export function calendarStatus(
  hub: { startDate: string; endDate: string; intervalMonths?: number | null },
  filedKeys: ReadonlySet<string>,
  today: string,
): CalendarStatus {
  const periods = reportingPeriods({ startDate: hub.startDate, endDate: hub.endDate, intervalMonths: hub.intervalMonths ?? DEFAULT_INTERVAL_MONTHS });
  const pending = periods.filter((period) => !filedKeys.has(periodKey(period)));
  const first = pending[0];
  return {
    periods,
    next: first ? { ...first, state: dueState(first.dueDate, today), daysLeft: daysBetween(today, first.dueDate) } : null,
    overdue: pending.filter((period) => period.dueDate < today),
    open: pending.filter((period) => period.start <= today),
    pending: pending.map((period) => ({ ...period, state: dueState(period.dueDate, today) })),
  };
}

/** One outcome's progress towards its target, 0…1 (null when nothing was reported yet). */
export function outcomeFraction(
  outcome: { baseline: number | null; targetValue: number | null; milestone: string | null },
  reported: { value: number | null; milestoneReached: boolean | null } | undefined,
): number | null {
  if (!reported) return null;
  if (outcome.targetValue === null || outcome.milestone) {
    return reported.milestoneReached === null ? null : reported.milestoneReached ? 1 : 0;
  }
  if (reported.value === null) return null;
  const baseline = outcome.baseline ?? 0;
  const span = outcome.targetValue - baseline;
  if (span === 0) return reported.value === outcome.targetValue ? 1 : 0;
  return Math.min(1, Math.max(0, (reported.value - baseline) / span));
}
