import { describe, expect, it } from "vitest";
import { elapsedShare, outcomeProgress, paceCounts, paceOf } from "~/modules/network/impact";

describe("acceleration: an outcome's progress against the share of its HUB's timeline elapsed", () => {
  const numeric = { baseline: 0, targetValue: 100, milestone: null };
  const milestone = { baseline: null, targetValue: null, milestone: "School open" };

  it("measures the timeline elapsed, clamped before the start and after the end", () => {
    expect(elapsedShare("2026-01-01", "2027-01-01", "2026-07-02")).toBeCloseTo(0.5, 2);
    expect(elapsedShare("2026-01-01", "2027-01-01", "2025-06-01")).toBe(0);
    expect(elapsedShare("2026-01-01", "2027-01-01", "2028-01-01")).toBe(1);
  });

  it("a numeric outcome at 70 % halfway through is ahead, at 45 % on track, at 20 % behind", () => {
    const half = elapsedShare("2026-01-01", "2027-01-01", "2026-07-02");
    expect(paceOf(outcomeProgress(numeric, { value: 70 }), half)).toBe("ahead");
    expect(paceOf(outcomeProgress(numeric, { value: 45 }), half)).toBe("on_track");
    expect(paceOf(outcomeProgress(numeric, { value: 20 }), half)).toBe("behind");
  });

  it("works for a decreasing target (fewer tonnes of waste) and clamps overshoot", () => {
    const decreasing = { baseline: 1000, targetValue: 500, milestone: null };
    expect(outcomeProgress(decreasing, { value: 750 })).toBe(0.5);
    expect(outcomeProgress(decreasing, { value: 100 })).toBe(1);
  });

  it("a milestone counts once reported reached; an outcome never reported is not measured, never behind", () => {
    expect(outcomeProgress(milestone, { value: null, milestoneReached: true })).toBe(1);
    expect(outcomeProgress(milestone, { value: null, milestoneReached: false })).toBe(0);
    expect(paceOf(outcomeProgress(numeric, undefined), 0.9)).toBe("not_measured");
    expect(outcomeProgress({ baseline: 5, targetValue: 5, milestone: null }, { value: 5 })).toBeNull();
    expect(paceCounts(["ahead", "behind", "behind", "not_measured"])).toEqual({ ahead: 1, on_track: 0, behind: 2, not_measured: 1 });
  });
});
