import { describe, expect, it } from "vitest";
import { DEMO_ANCHOR_DATE, DEMO_HUBS } from "../../db/seed/demo-hubs";
import { DEMO_OVERDUE_HUB } from "../../db/seed/demo-progress";
import { demoDateShift, demoHubsOn, demoRecognisedOn } from "~/modules/demo/demo-dates";
import { addDays, reportingPeriods } from "~/modules/progress/calendar";
import { addYears } from "~/modules/proposals/proposal-schema";

/** What a visitor sees of each demo HUB on `today`, once the seed has filed every report due before it. */
function stateOf(hub: { slug: string; startDate: string; endDate: string }, today: string, firstEnded: string | undefined) {
  if (hub.startDate > today) return "upcoming";
  if (hub.endDate >= today) {
    const periods = reportingPeriods(hub);
    const next = periods.find((period) => period.dueDate >= today)!;
    if (hub.slug === DEMO_OVERDUE_HUB && periods.some((period) => period.dueDate < today)) return "report overdue";
    return next.dueDate <= addDays(today, 30) ? "report due" : "active";
  }
  if (addDays(hub.endDate, 60) >= today) return "final report due";
  return hub.slug === firstEnded ? "completed" : "final report in review";
}

function mixOn(today: string) {
  const hubs = demoHubsOn(DEMO_HUBS, today);
  const firstEnded = hubs.filter((hub) => addDays(hub.endDate, 60) < today).sort((a, b) => a.endDate.localeCompare(b.endDate))[0]?.slug;
  const mix: Record<string, number> = {};
  for (const hub of hubs) {
    const state = stateOf(hub, today, firstEnded);
    mix[state] = (mix[state] ?? 0) + 1;
  }
  return mix;
}

// Every day of a whole leap-year cycle, from a year before the anchor date.
const DAYS = Array.from({ length: 4 * 365 + 1 }, (_, index) => addDays(DEMO_ANCHOR_DATE, index - 365));

describe("demo dates relative to the day the seed runs", () => {
  it("moves every date by the days between the anchor date and today", () => {
    expect(demoDateShift(DEMO_ANCHOR_DATE)).toBe(0);
    expect(demoDateShift(addDays(DEMO_ANCHOR_DATE, 100))).toBe(100);
    const [bogota] = demoHubsOn(DEMO_HUBS, "2027-11-22");
    const original = DEMO_HUBS[0];
    expect(bogota.startDate).toBe(addDays(original.startDate, 365));
    expect(bogota.endDate).toBe(addDays(original.endDate, 365));
    expect(bogota.outcomes.map((outcome) => outcome.dueDate)).toEqual(original.outcomes.map((outcome) => addDays(outcome.dueDate, 365)));
    expect(DEMO_HUBS[0].startDate).toBe(original.startDate); // the data itself is left alone
  });

  it("shows upcoming, active, report due, report overdue, final report due and completed HUBs whatever the day", () => {
    const expected = ["upcoming", "active", "report due", "report overdue", "final report due", "completed"];
    const missing: string[] = [];
    for (const today of DAYS) {
      const mix = mixOn(today);
      for (const state of expected) if (!mix[state]) missing.push(`${state} on ${today}`);
      if (mix.completed !== 1) missing.push(`${mix.completed} completed on ${today}`);
    }
    expect(missing).toEqual([]);
  });

  it("keeps every timeline between one and three years and every outcome inside it, whatever the day", () => {
    const invalid: string[] = [];
    for (const today of DAYS) {
      for (const hub of demoHubsOn(DEMO_HUBS, today)) {
        if (hub.endDate < addYears(hub.startDate, 1) || hub.endDate > addYears(hub.startDate, 3)) invalid.push(`${hub.slug} timeline on ${today}`);
        if (hub.outcomes.some((outcome) => outcome.dueDate < hub.startDate || outcome.dueDate > hub.endDate)) invalid.push(`${hub.slug} outcome on ${today}`);
      }
    }
    expect(invalid).toEqual([]);
  });

  it("recognises a HUB 30 days before its start, or yesterday for one about to start", () => {
    expect(demoRecognisedOn({ startDate: "2026-03-01" }, "2026-11-22")).toBe("2026-01-30");
    expect(demoRecognisedOn({ startDate: "2027-01-01" }, "2026-11-22")).toBe("2026-11-21");
  });
});
