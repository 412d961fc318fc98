import { describe, expect, it } from "vitest";
import { addMonths, calendarStatus, dueState, outcomeFraction, periodKey, reportingPeriods } from "~/modules/progress/calendar";

const bogota = { startDate: "2025-02-01", endDate: "2027-01-31" };

describe("reporting periods", () => {
  it("has a progress report every six months from the start date, then a final report 60 days after the end", () => {
    const periods = reportingPeriods(bogota);
    expect(periods.map((p) => [p.kind, p.start, p.end, p.dueDate])).toEqual([
      ["progress", "2025-02-01", "2025-07-31", "2025-08-01"],
      ["progress", "2025-08-01", "2026-01-31", "2026-02-01"],
      ["progress", "2026-02-01", "2026-07-31", "2026-08-01"],
      ["final", "2026-08-01", "2027-01-31", "2027-04-01"],
    ]);
  });

  it("follows another cadence set by the secretariat", () => {
    const periods = reportingPeriods({ ...bogota, intervalMonths: 4 });
    expect(periods.filter((p) => p.kind === "progress").map((p) => p.dueDate)).toEqual([
      "2025-06-01",
      "2025-10-01",
      "2026-02-01",
      "2026-06-01",
      "2026-10-01",
    ]);
  });

  it("clamps month ends and leaves the report that would fall on the end date to the final report", () => {
    expect(addMonths("2024-08-31", 6)).toBe("2025-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    const periods = reportingPeriods({ startDate: "2025-01-01", endDate: "2026-01-01" });
    expect(periods.map((p) => [p.kind, p.dueDate])).toEqual([
      ["progress", "2025-07-01"],
      ["final", "2026-03-02"],
    ]);
  });
});

describe("due states at fixed dates", () => {
  it("is upcoming, due soon (within 30 days), due today, then overdue", () => {
    expect(dueState("2026-08-01", "2026-06-15")).toBe("upcoming");
    expect(dueState("2026-08-01", "2026-07-02")).toBe("due_soon");
    expect(dueState("2026-08-01", "2026-07-01")).toBe("upcoming");
    expect(dueState("2026-08-01", "2026-08-01")).toBe("due_today");
    expect(dueState("2026-08-01", "2026-08-02")).toBe("overdue");
  });

  it("names the next report due and the overdue ones from the filed reports", () => {
    const filed = new Set(["progress:2025-08-01", "progress:2026-02-01"]);
    const soon = calendarStatus(bogota, filed, "2026-07-20");
    expect(soon.next).toMatchObject({ kind: "progress", dueDate: "2026-08-01", state: "due_soon", daysLeft: 12 });
    expect(soon.overdue).toEqual([]);

    const late = calendarStatus(bogota, filed, "2026-11-22");
    expect(late.next).toMatchObject({ dueDate: "2026-08-01", state: "overdue" });
    expect(late.overdue.map(periodKey)).toEqual(["progress:2026-08-01"]);
    expect(late.open.map(periodKey)).toEqual(["progress:2026-08-01", "final:2027-04-01"]);

    const today = calendarStatus(bogota, filed, "2026-08-01");
    expect(today.next?.state).toBe("due_today");
  });

  it("moves on to the final report, which becomes overdue 60 days after the end date", () => {
    const filed = new Set(["progress:2025-08-01", "progress:2026-02-01", "progress:2026-08-01"]);
    expect(calendarStatus(bogota, filed, "2027-03-20").next).toMatchObject({ kind: "final", state: "due_soon" });
    expect(calendarStatus(bogota, filed, "2027-04-01").next).toMatchObject({ kind: "final", state: "due_today" });
    const after = calendarStatus(bogota, filed, "2027-04-02");
    expect(after.next).toMatchObject({ kind: "final", state: "overdue" });
    expect(calendarStatus(bogota, new Set([...filed, "final:2027-04-01"]), "2027-05-01").next).toBeNull();
  });
});

describe("outcome progress", () => {
  it("measures numeric outcomes between baseline and target, in either direction, and milestones as reached or not", () => {
    expect(outcomeFraction({ baseline: 112, targetValue: 160, milestone: null }, { value: 136, milestoneReached: null })).toBe(0.5);
    expect(outcomeFraction({ baseline: 38, targetValue: 25, milestone: null }, { value: 25, milestoneReached: null })).toBe(1);
    expect(outcomeFraction({ baseline: 38, targetValue: 25, milestone: null }, { value: 40, milestoneReached: null })).toBe(0);
    expect(outcomeFraction({ baseline: null, targetValue: null, milestone: "School open" }, { value: null, milestoneReached: true })).toBe(1);
    expect(outcomeFraction({ baseline: 1, targetValue: 2, milestone: null }, undefined)).toBeNull();
  });
});
