import { afterAll, beforeAll, vi } from "vitest";

/**
 * Sets this test file's clock (Date only: timers still run) to noon UTC of `today`, before any
 * other hook of the file. The app code that reads the clock itself (a route's `isoToday()`, a
 * session's expiry, the demo seed's "today") then agrees with the `today` the test passes to the
 * rules, whatever day, or system clock, the suite runs on.
 */
export function useToday(today: string): string {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`${today}T12:00:00Z`));
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  return today;
}
