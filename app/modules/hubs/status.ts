import type { HubStatus } from "../../../db/schema";

/** What the public sees: a recognised HUB is "active" from its start date on. */
export type PublicHubStatus = "recognised" | "active" | "completed";

export const PUBLIC_STORED_STATUSES: HubStatus[] = ["recognised", "completed"];

export function publicStatusOf(status: HubStatus, startDate: string, today: string): PublicHubStatus | null {
  if (status === "completed") return "completed";
  if (status === "recognised") return startDate <= today ? "active" : "recognised";
  return null;
}

/** Today's date as 'YYYY-MM-DD' in UTC; callers pass it down so tests can fix it. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
