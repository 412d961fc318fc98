import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { gzipSync, constants as zlib } from "node:zlib";
import { feature } from "topojson-client";
import { acceptsGzip, isFresh } from "~/modules/http/negotiation.server";
import type { FeatureCollection } from "geojson";

import { fixAntimeridian } from "./antimeridian";

const require = createRequire(import.meta.url);

export type BasemapResolution = "110m" | "50m";

/** One basemap file, built once per process: the GeoJSON, its gzip and an ETag. */
export interface BasemapFile {
  json: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  /** Weak: the plain and the gzipped bodies are the same content. */
  etag: string;
}

const files = new Map<BasemapResolution, BasemapFile>();

/** Natural Earth country shapes (world-atlas, 110m or 50m) as GeoJSON cut at the antimeridian, from our own origin. */
export function basemapGeoJson(resolution: BasemapResolution): string {
  const topology = require(`world-atlas/countries-${resolution}.json`) as Parameters<typeof feature>[0];
  const collection = feature(topology, topology.objects.countries) as FeatureCollection;
  // Coordinates to 3 decimals (about 100 m) are plenty for a basemap and halve the bytes.
  return JSON.stringify(fixAntimeridian(collection), (key, value) => (typeof value === "number" && key !== "id" ? Math.round(value * 1000) / 1000 : value));
}

/**
 * The file the basemap route serves. Built and compressed (at the highest level, as it is done
 * once) on first request; a release never changes it, so browsers keep it for a week and then
 * revalidate with the ETag.
 */
export function basemapFile(resolution: BasemapResolution): BasemapFile {
  let file = files.get(resolution);
  if (!file) {
    const json = new TextEncoder().encode(basemapGeoJson(resolution));
    const gzip = new Uint8Array(gzipSync(json, { level: zlib.Z_BEST_COMPRESSION }));
    const etag = `W/"${resolution}-${createHash("sha1").update(json).digest("hex").slice(0, 16)}"`;
    file = { json, gzip, etag };
    files.set(resolution, file);
  }
  return file;
}

const A_WEEK = 7 * 24 * 60 * 60;

/**
 * The HTTP answer for a basemap file: gzipped from memory when the client takes gzip (the
 * `compression` middleware leaves a body that is already encoded alone), cached for a week, then
 * revalidated with its ETag (304).
 */
export function basemapResponse(request: Request, resolution: BasemapResolution): Response {
  const file = basemapFile(resolution);
  const headers: Record<string, string> = {
    "Content-Type": "application/geo+json; charset=utf-8",
    "Cache-Control": `public, max-age=${A_WEEK}`,
    ETag: file.etag,
    Vary: "Accept-Encoding",
  };
  if (isFresh(request, file.etag)) return new Response(null, { status: 304, headers });
  if (acceptsGzip(request)) {
    return new Response(file.gzip, { headers: { ...headers, "Content-Encoding": "gzip", "Content-Length": String(file.gzip.length) } });
  }
  return new Response(file.json, { headers: { ...headers, "Content-Length": String(file.json.length) } });
}

export function parseBasemapFileName(name: string | undefined): BasemapResolution | null {
  return name === "110m.geojson" ? "110m" : name === "50m.geojson" ? "50m" : null;
}
