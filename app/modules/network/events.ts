import type { WorldRegion } from "../../../db/schema";
import { WORLD_REGIONS } from "~/modules/hubs/hub-filters";

/** The calendar's filters: all in the URL, like the map's; values that cannot be right are ignored. */
export interface EventFilters {
  /** "hub": the HUBs' own activities; "network": the secretariat's network events. */
  kind?: "hub" | "network";
  /** Narrows the HUBs' activities (network events concern every region). */
  region?: WorldRegion;
  /** SDG goal of the HUB (narrows the HUBs' activities). */
  sdg?: number;
  /** Upcoming (default, from today) or past events. */
  when: "upcoming" | "past";
}

export const EVENT_FILTER_KEYS = ["kind", "region", "sdg", "when"] as const;

export function parseEventFilters(params: URLSearchParams): EventFilters {
  const filters: EventFilters = { when: params.get("when") === "past" ? "past" : "upcoming" };
  const kind = params.get("kind");
  if (kind === "hub" || kind === "network") filters.kind = kind;
  const region = params.get("region");
  if (region && (WORLD_REGIONS as string[]).includes(region)) filters.region = region as WorldRegion;
  const sdg = Number(params.get("sdg"));
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) filters.sdg = sdg;
  return filters;
}

export function eventFiltersToSearch(filters: EventFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.region) params.set("region", filters.region);
  if (filters.sdg) params.set("sdg", String(filters.sdg));
  if (filters.when === "past") params.set("when", "past");
  const search = params.toString();
  return search ? `?${search}` : "";
}

export type CalendarEventKind = "hub" | "gathering" | "congress" | "network";

export interface CalendarEvent {
  /** Stable across the feed and the one-event file: "hub-12", "network-3". */
  uid: string;
  kind: CalendarEventKind;
  title: string;
  /** 'YYYY-MM-DD' */
  startsOn: string;
  /** 'YYYY-MM-DD', inclusive. */
  endsOn: string;
  location: string;
  /** The event's own page (network events), else null. */
  url: string | null;
  hub: { slug: string; title: string } | null;
  /** HUBs presented at it (network events). */
  presentedHubs: { slug: string; title: string }[];
}
