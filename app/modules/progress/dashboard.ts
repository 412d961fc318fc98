/** Shared (server and browser) shapes and helpers of the council dashboard: filters and sorting live in the URL. */
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
}

export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const region = params.get("region");
  const sdg = Number(params.get("sdg"));
  const lastStatus = params.get("lastStatus");
  const sort = params.get("sort");
  return {
    region: (WORLD_REGIONS as string[]).includes(region ?? "") ? (region as WorldRegion) : undefined,
    sdg: Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? sdg : undefined,
    lastStatus: ["on_track", "at_risk", "off_track", "achieved", "none"].includes(lastStatus ?? "") ? (lastStatus as OverallStatus | "none") : undefined,
    overdue: params.get("overdue") === "1" ? true : undefined,
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "nextDue",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
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
  return params;
}

function fold(text: string) {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function applyDashboardFilters(rows: DashboardRow[], filters: DashboardFilters): DashboardRow[] {
  const q = filters.q ? fold(filters.q) : undefined;
  const filtered = rows.filter(
    (row) =>
      (!filters.region || row.region === filters.region) &&
      (!filters.sdg || row.primarySdg === filters.sdg) &&
      (!filters.lastStatus || (filters.lastStatus === "none" ? row.lastStatus === null : row.lastStatus === filters.lastStatus)) &&
      (!filters.overdue || row.overdue) &&
      (!q || fold(`${row.title} ${row.city} ${row.countryCode}`).includes(q)),
  );
  const value = (row: DashboardRow): string | number | null => {
    switch (filters.sort) {
      case "city":
        return fold(row.city);
      case "country":
        return row.countryCode;
      case "region":
        return row.region;
      case "sdg":
        return row.primarySdg;
      case "lastStatus":
        return row.lastStatus;
      case "lastDate":
        return row.lastDate;
      case "nextDue":
        return row.nextDue;
      case "overdue":
        return row.overdueCount;
      case "progress":
        return row.progress;
    }
  };
  const direction = filters.dir === "desc" ? -1 : 1;
  return filtered.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Empty values last, whatever the direction.
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return (va < vb ? -1 : 1) * direction;
    return a.hubId - b.hubId;
  });
}
