import type { WorldRegion } from "../../../db/schema";
import { PUBLIC_HUB_STATUSES, type PublicHubStatus } from "./lifecycle";

/** Filters of the map, the list, the embed page and the open-data exports: all live in the URL. */
export interface HubFilters {
  /** SDG goal number 1–17. */
  sdg?: number;
  /** SDG target id like "11.2". */
  target?: string;
  /** Theme slug. */
  theme?: string;
  /** UCLG Policy Council slug. */
  council?: string;
  region?: WorldRegion;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  status?: PublicHubStatus;
  /** Start year. */
  year?: number;
  /** Free text, searched in the three languages. */
  q?: string;
  /** west, south, east, north (the map's view). */
  bbox?: [number, number, number, number];
}

export const WORLD_REGIONS: WorldRegion[] = [
  "africa",
  "asia_pacific",
  "eurasia",
  "europe",
  "latin_america",
  "middle_east_west_asia",
  "north_america",
];

export const FILTER_KEYS = ["sdg", "target", "theme", "council", "region", "country", "status", "year", "q", "bbox"] as const;

/** Reads the filters from a query string; values that cannot be right are ignored, never an error. */
export function parseHubFilters(params: URLSearchParams): HubFilters {
  const filters: HubFilters = {};
  const sdg = Number(params.get("sdg"));
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) filters.sdg = sdg;
  const target = params.get("target")?.trim();
  if (target && /^\d{1,2}\.[0-9a-z]{1,2}$/.test(target)) filters.target = target;
  const theme = params.get("theme")?.trim();
  if (theme && /^[a-z0-9-]{1,80}$/.test(theme)) filters.theme = theme;
  const council = params.get("council")?.trim();
  if (council && /^[a-z0-9-]{1,60}$/.test(council)) filters.council = council;
  const region = params.get("region");
  if (region && (WORLD_REGIONS as string[]).includes(region)) filters.region = region as WorldRegion;
  const country = params.get("country")?.trim().toUpperCase();
  if (country && /^[A-Z]{2}$/.test(country)) filters.country = country;
  const status = params.get("status");
  if (status && (PUBLIC_HUB_STATUSES as string[]).includes(status)) filters.status = status as PublicHubStatus;
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const q = params.get("q")?.trim().slice(0, 200);
  if (q) filters.q = q;
  const bbox = parseBbox(params.get("bbox"));
  if (bbox) filters.bbox = bbox;
  return filters;
}

export function parseBbox(value: string | null | undefined): [number, number, number, number] | undefined {
  if (!value) return undefined;
  const parts = value.split(",").map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return undefined;
  let [west, south, east, north] = parts;
  south = Math.max(-90, Math.min(90, south));
  north = Math.max(-90, Math.min(90, north));
  if (south > north) return undefined;
  if (east - west >= 360) return [-180, south, 180, north];
  west = normaliseLongitude(west);
  east = normaliseLongitude(east);
  return [round(west), round(south), round(east), round(north)];
}

function normaliseLongitude(longitude: number) {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

function round(value: number) {
  return Math.round(value * 1e4) / 1e4;
}

/** The filters as query parameters, in a stable order (for links, caches and ETags). */
export function filtersToSearchParams(filters: HubFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === "") continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}

export function filterKey(filters: HubFilters): string {
  return filtersToSearchParams(filters).toString();
}

export function hasFilters(filters: HubFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}
