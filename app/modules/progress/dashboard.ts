/**
 * Shared (server and browser) shapes and helpers of the council dashboard: filters, sorting and the
 * page live in the URL; the database applies them (dashboard.server.ts).
 */
import type { OverallStatus, WorldRegion } from "../../../db/schema";
import type { DueState } from "./calendar";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";

export const WORLD_REGIONS: WorldRegion[] = ["africa", "asia_pacific", "eurasia", "europe", "latin_america", "middle_east_west_asia", "north_america"];
export const SORT_KEYS = ["city", "country", "region", "sdg", "lastStatus", "lastDate", "nextDue", "overdue", "progress"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface DashboardRow {
  hubId: number;
  slug: string;
  title: string;
  /** As the public sees it (hubs/lifecycle.ts): an ended HUB reads "ended, final report due" here too. */
  status: PublicHubStatus;
  city: string;
  countryCode: string;
  region: WorldRegion;
  primarySdg: number | null;
  lastStatus: OverallStatus | null;
  lastDate: string | null;
  nextDue: string | null;
  nextKind: "progress" | "final" | null;
  dueState: DueState | null;
  overdue: boolean;
  overdueCount: number;
  /** Mean progress across the HUB's outcomes (0…1) from its accepted updates; null before the first. */
  progress: number | null;
  outcomes: number;
  outcomesAchieved: number;
}

export interface DashboardFilters {
  region?: WorldRegion;
  sdg?: number;
  lastStatus?: OverallStatus | "none";
  overdue?: boolean;
  q?: string;
  sort: SortKey;
  dir: "asc" | "desc";
  /** 1-based page of the table (the CSV export takes every matching row). */
  page?: number;
}

export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const region = params.get("region");
  const sdg = Number(params.get("sdg"));
  const lastStatus = params.get("lastStatus");
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  return {
    region: (WORLD_REGIONS as string[]).includes(region ?? "") ? (region as WorldRegion) : undefined,
    sdg: Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? sdg : undefined,
    lastStatus: ["on_track", "at_risk", "off_track", "achieved", "none"].includes(lastStatus ?? "") ? (lastStatus as OverallStatus | "none") : undefined,
    overdue: params.get("overdue") === "1" ? true : undefined,
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "nextDue",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

export function filtersToParams(filters: DashboardFilters, overrides: Partial<DashboardFilters> = {}): URLSearchParams {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.region) params.set("region", merged.region);
  if (merged.sdg) params.set("sdg", String(merged.sdg));
  if (merged.lastStatus) params.set("lastStatus", merged.lastStatus);
  if (merged.overdue) params.set("overdue", "1");
  params.set("sort", merged.sort);
  params.set("dir", merged.dir);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  return params;
}
