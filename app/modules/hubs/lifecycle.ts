import type { HubStatus } from "../../../db/schema";

/**
 * The HUB lifecycle as the public sees it. The stored status (`hubs.status`) moves only through
 * `lifecycle.server.ts`; what a reader is shown is derived from it and the timeline, here in
 * TypeScript and in `publicStatusSql` (lifecycle.server.ts) in SQL, which must say the same:
 *   recognised, before its start date  → "recognised" (upcoming)
 *   recognised, within its timeline    → "active"
 *   recognised, after its end date     → "ended" (ended, final report due)
 *   completed (final report accepted)  → "completed"
 */
export type PublicHubStatus = "recognised" | "active" | "ended" | "completed";

/** In the order a HUB goes through them (filters and charts list them so). */
export const PUBLIC_HUB_STATUSES: PublicHubStatus[] = ["recognised", "active", "ended", "completed"];

/** The stored statuses whose HUBs are public: recognised under UCLG's label, or completed. */
export const PUBLIC_STORED_STATUSES: HubStatus[] = ["recognised", "completed"];

export function isPublicStatus(status: HubStatus): boolean {
  return PUBLIC_STORED_STATUSES.includes(status);
}

export interface TimelineOf {
  status: HubStatus;
  /** 'YYYY-MM-DD' */
  startDate: string;
  /** 'YYYY-MM-DD' */
  endDate: string;
}

/** What the public sees of a HUB on `today`, or null when it is not public. */
export function publicStatusOf(hub: TimelineOf, today: string): PublicHubStatus | null {
  if (hub.status === "completed") return "completed";
  if (hub.status !== "recognised") return null;
  if (today < hub.startDate) return "recognised";
  if (today > hub.endDate) return "ended";
  return "active";
}

/** What a HUB's own pages show (the city's and the reviewers' lists): the public status once public, else the stored one. */
export function displayStatusOf(hub: TimelineOf, today: string): HubStatus | PublicHubStatus {
  return publicStatusOf(hub, today) ?? hub.status;
}

/** Today's date as 'YYYY-MM-DD' in UTC; callers pass it down so tests can fix it. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
