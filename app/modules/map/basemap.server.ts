import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { FeatureCollection } from "geojson";

import { fixAntimeridian } from "./antimeridian";

const require = createRequire(import.meta.url);
const cache = new Map<string, string>();

/** Natural Earth country shapes (world-atlas, 110m or 50m) as GeoJSON cut at the antimeridian, from our own origin. */
export function basemapGeoJson(resolution: "110m" | "50m"): string {
  const cached = cache.get(resolution);
  if (cached) return cached;
  const topology = require(`world-atlas/countries-${resolution}.json`) as Parameters<typeof feature>[0];
  const collection = feature(topology, topology.objects.countries) as FeatureCollection;
  // Coordinates to 3 decimals (about 100 m) are plenty for a basemap and halve the bytes.
  const text = JSON.stringify(fixAntimeridian(collection), (key, value) => (typeof value === "number" && key !== "id" ? Math.round(value * 1000) / 1000 : value));
  cache.set(resolution, text);
  return text;
}
