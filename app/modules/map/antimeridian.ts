import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

/**
 * Natural Earth shapes from world-atlas are stitched across the antimeridian: Russia, Fiji and
 * Antarctica have edges that jump from +180 to -180, which a flat (Web Mercator) map draws as
 * bands across the world. This cuts them at ±180 into parts a flat map draws right, and closes
 * Antarctica along the south pole (the bottom edge of the map).
 */
export function fixAntimeridian(collection: FeatureCollection): FeatureCollection {
  return { ...collection, features: collection.features.map(fixFeature) };
}

function fixFeature(feature: Feature): Feature {
  const geometry = feature.geometry;
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return feature;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  if (!polygons.some((polygon) => polygon.some(crossesAntimeridian))) return feature;
  const fixed: Position[][][] = [];
  for (const polygon of polygons) fixed.push(...fixPolygon(polygon));
  const result: MultiPolygon | Polygon = fixed.length === 1 ? { type: "Polygon", coordinates: fixed[0] } : { type: "MultiPolygon", coordinates: fixed };
  return { ...feature, geometry: result };
}

function crossesAntimeridian(ring: Position[]): boolean {
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) return true;
  return false;
}

function fixPolygon(polygon: Position[][]): Position[][][] {
  // At 50m, Antarctica's first ring is a line along the pole with no area and its coast comes
  // second, as if a hole: a ring with no area is dropped, so the coast becomes the outer ring.
  const rings = polygon.filter((ring) => !hasNoArea(ring));
  if (rings.length === 0) return [];
  const [outer, ...holes] = rings;
  if (!crossesAntimeridian(outer)) return [rings];
  const unwrapped = unwrap(outer);
  const span = unwrapped[unwrapped.length - 1][0] - unwrapped[0][0];
  if (Math.abs(span) > 180) {
    // A ring around a pole (Antarctica): it does not close once unwrapped. Close it along the pole.
    return [[closeAroundPole(outer), ...holes]];
  }
  const parts: Position[][][] = [];
  for (const shift of [0, 360, -360]) {
    const shifted = unwrapped.map(([x, y]) => [x + shift, y]);
    const clipped = clip(clip(shifted, 180, true), -180, false);
    if (clipped.length >= 4) parts.push([closeRing(clipped)]);
  }
  return parts;
}

/** Every point on one parallel: a line, not an area. */
function hasNoArea(ring: Position[]): boolean {
  return ring.length < 4 || ring.every((point) => point[1] === ring[0][1]);
}

function unwrap(ring: Position[]): Position[] {
  const out: Position[] = [[ring[0][0], ring[0][1]]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const delta = ring[i][0] - ring[i - 1][0];
    if (delta > 180) offset -= 360;
    else if (delta < -180) offset += 360;
    out.push([ring[i][0] + offset, ring[i][1]]);
  }
  return out;
}

function closeAroundPole(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i];
    if (i > 0) {
      const previous = ring[i - 1];
      const delta = point[0] - previous[0];
      if (Math.abs(delta) > 180) {
        const from = previous[0] > 0 ? 180 : -180;
        const to = -from;
        const poleLatitude = previous[1] < 0 ? -90 : 90;
        // Latitude where the edge meets the antimeridian.
        const x1 = previous[0];
        const x2 = point[0] + (from > 0 ? 360 : -360);
        const t = x2 === x1 ? 0 : (from - x1) / (x2 - x1);
        const latitude = previous[1] + t * (point[1] - previous[1]);
        // Along the pole in steps of 90°, so that no edge at all spans the map: "an edge of 180°
        // or more is a band across the world" then holds for every ring (see the unit tests).
        out.push([from, latitude]);
        for (let longitude = from; from > 0 ? longitude >= to : longitude <= to; longitude += from > 0 ? -90 : 90) out.push([longitude, poleLatitude]);
        out.push([to, latitude]);
      }
    }
    out.push([point[0], point[1]]);
  }
  return closeRing(out);
}

/** Sutherland–Hodgman against one vertical line: keeps x <= limit (keepBelow) or x >= limit. */
function clip(ring: Position[], limit: number, keepBelow: boolean): Position[] {
  const inside = (p: Position) => (keepBelow ? p[0] <= limit : p[0] >= limit);
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i];
    const previous = ring[(i + ring.length - 1) % ring.length];
    if (inside(current)) {
      if (!inside(previous)) out.push(intersect(previous, current, limit));
      out.push(current);
    } else if (inside(previous)) {
      out.push(intersect(previous, current, limit));
    }
  }
  return out;
}

function intersect(a: Position, b: Position, x: number): Position {
  const t = (x - a[0]) / (b[0] - a[0]);
  return [x, a[1] + t * (b[1] - a[1])];
}

function closeRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}
