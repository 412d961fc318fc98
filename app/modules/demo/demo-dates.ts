/**
 * The demo data's dates are written as seen on DEMO_ANCHOR_DATE (db/seed/demo-hubs.ts). Seeding
 * on another day moves every one of them by the same number of days, so the demo shows the same
 * mix of HUBs whenever it is loaded: upcoming, running, report due, report overdue, ended with the
 * final report due, completed. Pure functions, `today` passed in.
 */
import { DEMO_ANCHOR_DATE } from "../../../db/seed/demo-hubs";
import type { DemoHub } from "../../../db/seed/demo-data-types";
import { addDays, daysBetween } from "~/modules/progress/calendar";

/** Whole days from the anchor date to `today` ('YYYY-MM-DD'); negative before the anchor. */
export function demoDateShift(today: string, anchor = DEMO_ANCHOR_DATE): number {
  return daysBetween(anchor, today);
}

/** A demo HUB with its timeline and outcome due dates moved by `days`. */
export function shiftDemoHub(hub: DemoHub, days: number): DemoHub {
  return {
    ...hub,
    startDate: addDays(hub.startDate, days),
    endDate: addDays(hub.endDate, days),
    outcomes: hub.outcomes.map((outcome) => ({ ...outcome, dueDate: addDays(outcome.dueDate, days) })),
  };
}

/** The demo HUBs as they are on `today`. */
export function demoHubsOn(hubs: readonly DemoHub[], today: string): DemoHub[] {
  const days = demoDateShift(today);
  return hubs.map((hub) => shiftDemoHub(hub, days));
}

/** Recognised 30 days before the start, but never later than yesterday (an upcoming HUB was recognised already). */
export function demoRecognisedOn(hub: Pick<DemoHub, "startDate">, today: string): string {
  const before = addDays(hub.startDate, -30);
  const yesterday = addDays(today, -1);
  return before < yesterday ? before : yesterday;
}
