import { createRequire } from "node:module";
import type { FeatureCollection, Position } from "geojson";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import { filtersToSearchParams, parseBbox, parseHubFilters } from "~/modules/hubs/hub-filters";
import { fixAntimeridian } from "~/modules/map/antimeridian";
import { basemapGeoJson } from "~/modules/map/basemap.server";
import { formatMapView, parseMapView, WORLD_VIEW } from "~/modules/map/map-view";

const require = createRequire(import.meta.url);

function rings(collection: FeatureCollection, name: string): Position[][] {
  const found = collection.features.find((candidate) => candidate.properties?.name === name)!;
  const geometry = found.geometry as { type: string; coordinates: Position[][] | Position[][][] };
  return geometry.type === "Polygon" ? (geometry.coordinates as Position[][]) : (geometry.coordinates as Position[][][]).flat();
}

describe("antimeridian", () => {
  const topology = require("world-atlas/countries-110m.json");
  const original = feature(topology, topology.objects.countries) as unknown as FeatureCollection;
  const fixed = fixAntimeridian(original);
  const jumps = (ring: Position[]) => ring.slice(1).filter((point, index) => Math.abs(point[0] - ring[index][0]) > 180).length;

  it("world-atlas draws Russia and Fiji across the antimeridian before the fix", () => {
    expect(rings(original, "Russia").some((ring) => jumps(ring) > 0)).toBe(true);
    expect(rings(original, "Fiji").some((ring) => jumps(ring) > 0)).toBe(true);
  });

  it("cuts them into parts that stay within ±180 with no edge across the map", () => {
    for (const name of ["Russia", "Fiji"]) {
      for (const ring of rings(fixed, name)) {
        expect(jumps(ring)).toBe(0);
        for (const [longitude] of ring) expect(Math.abs(longitude)).toBeLessThanOrEqual(180);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
    // Chukotka (east of 180°) is still there, now on the western edge.
    expect(rings(fixed, "Russia").some((ring) => ring.some(([longitude]) => longitude < -170))).toBe(true);
  });

  it("closes Antarctica along the pole instead of a band", () => {
    const antarctica = rings(fixed, "Antarctica");
    const closed = antarctica.find((ring) => ring.some(([, latitude]) => latitude === -90))!;
    expect(closed).toBeDefined();
    // The only long edge runs along the pole itself.
    for (let i = 1; i < closed.length; i++) {
      if (Math.abs(closed[i][0] - closed[i - 1][0]) > 180) {
        expect(closed[i][1]).toBe(-90);
        expect(closed[i - 1][1]).toBe(-90);
      }
    }
  });

  it("leaves the other countries untouched", () => {
    expect(rings(fixed, "France")).toEqual(rings(original, "France"));
  });
});

describe.each(["110m", "50m"] as const)("the %s basemap as served", (resolution) => {
  const served = JSON.parse(basemapGeoJson(resolution)) as FeatureCollection;
  const allRings = served.features.flatMap((candidate) => rings(served, candidate.properties!.name as string).map((ring) => ({ name: candidate.properties!.name as string, ring })));
  const span = (ring: Position[]) => Math.max(...ring.map(([longitude]) => longitude)) - Math.min(...ring.map(([longitude]) => longitude));
  const touchesPole = (ring: Position[]) => ring.some(([, latitude]) => Math.abs(latitude) === 90);

  it("has no edge across the map: every step between two points is under 180° of longitude, within ±180, every ring closed", () => {
    expect(allRings.length).toBeGreaterThan(resolution === "50m" ? 1000 : 250);
    for (const { name, ring } of allRings) {
      const longest = Math.max(...ring.slice(1).map((point, index) => Math.abs(point[0] - ring[index][0])));
      expect({ name, longest: longest < 180 }).toEqual({ name, longest: true });
      expect({ name, inside: ring.every(([longitude]) => Math.abs(longitude) <= 180) }).toEqual({ name, inside: true });
      expect({ name, closed: ring[0] }).toEqual({ name, closed: ring[ring.length - 1] });
    }
  });

  it("has no ring spanning more than 180° of longitude, but Antarctica's, which goes round the pole", () => {
    const wide = allRings.filter(({ ring }) => span(ring) > 180);
    expect(wide.map(({ name }) => name)).toEqual(["Antarctica"]);
    expect(touchesPole(wide[0].ring)).toBe(true);
  });

  it("closes Antarctica along the south edge of the map, from +180 to -180, and keeps no ring without area", () => {
    const antarctica = rings(served, "Antarctica");
    for (const ring of antarctica) expect(ring.every(([, latitude]) => latitude === ring[0][1])).toBe(false);
    const [closed] = antarctica.filter(touchesPole);
    expect(antarctica.filter(touchesPole)).toHaveLength(1);
    const alongPole = closed.filter(([, latitude]) => latitude === -90).map(([longitude]) => longitude);
    expect(alongPole).toEqual([180, 90, 0, -90, -180]);
    // The coast reaches the antimeridian on both sides, where the pole edge begins and ends.
    expect(closed.some(([longitude, latitude]) => longitude === 180 && latitude > -90)).toBe(true);
    expect(closed.some(([longitude, latitude]) => longitude === -180 && latitude > -90)).toBe(true);
    expect(span(closed)).toBe(360);
  });

  it("keeps Chukotka and the eastern Fiji islands, now west of the antimeridian", () => {
    expect(rings(served, "Russia").some((ring) => ring.every(([longitude]) => longitude < -160))).toBe(true);
    expect(rings(served, "Russia").some((ring) => ring.every(([longitude]) => longitude > 0))).toBe(true);
    expect(rings(served, "Fiji").some((ring) => ring.every(([longitude]) => longitude < -178))).toBe(true);
    expect(rings(served, "Fiji").some((ring) => ring.every(([longitude]) => longitude > 176))).toBe(true);
  });
});

describe("filters in the URL", () => {
  it("reads every filter and drops what cannot be right", () => {
    expect(
      parseHubFilters(new URLSearchParams("sdg=11&target=11.2&theme=mobility&region=europe&country=fr&status=active&year=2026&q=%20v%C3%A9lo%20&bbox=-10,35,30,60")),
    ).toEqual({ sdg: 11, target: "11.2", theme: "mobility", region: "europe", country: "FR", status: "active", year: 2026, q: "vélo", bbox: [-10, 35, 30, 60] });
    expect(parseHubFilters(new URLSearchParams("sdg=18&target=x&theme=Bad Theme&region=moon&country=FRA&status=draft&year=1850&q=%20&bbox=1,2,3"))).toEqual({});
  });

  it("writes them back in a stable order, so equal filters give equal URLs", () => {
    const a = filtersToSearchParams(parseHubFilters(new URLSearchParams("q=agua&sdg=6")));
    const b = filtersToSearchParams(parseHubFilters(new URLSearchParams("sdg=6&q=agua")));
    expect(a.toString()).toBe(b.toString());
    expect(a.toString()).toBe("sdg=6&q=agua");
  });

  it("normalises boxes: wrapped longitudes, whole world, upside-down latitudes", () => {
    expect(parseBbox("170,-10,200,10")).toEqual([170, -10, -160, 10]);
    expect(parseBbox("-400,-80,400,80")).toEqual([-180, -80, 180, 80]);
    expect(parseBbox("0,10,5,-10")).toBeUndefined();
  });

  it("keeps the map's view as zoom/latitude/longitude", () => {
    expect(parseMapView("6/4.65/-74.1")).toEqual({ zoom: 6, latitude: 4.65, longitude: -74.1 });
    expect(parseMapView(formatMapView({ zoom: 3, latitude: 10.123456, longitude: 20 }))).toEqual({ zoom: 3, latitude: 10.1235, longitude: 20 });
    expect(parseMapView("99/0/0")).toEqual(WORLD_VIEW);
    expect(parseMapView("garbage")).toEqual(WORLD_VIEW);
  });
});
