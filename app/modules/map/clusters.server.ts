import type Supercluster from "supercluster";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { filterKey, type HubFilters } from "~/modules/hubs/hub-filters";
import { cachedPublic, getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { listMapPoints, type MapPointFields, type MapPoints } from "~/modules/map/map-points.server";
import { searchMatches } from "~/modules/hubs/hub-search.server";
import { MAX_MAP_ZOOM } from "~/modules/map/map-view";
import { acceptedSynchronisationPairs } from "~/modules/network/synchronisation.server";
import { buildClusterIndex, CLUSTER_WORKER_FROM, type ClusterIndex, type PointProperties } from "~/modules/map/cluster-index.server";

/**
 * Points closer than this many screen pixels (as supercluster counts them: twice Leaflet's) merge,
 * so that no two targets overlap: a HUB marker is 28 px wide, a cluster 30 to 50 px.
 */
const CLUSTER_RADIUS = 80;
/** Most HUBs a same-place popup lists (the list beside the map has them all). */
export const SAME_PLACE_LIST_LIMIT = 50;

export interface MapCluster {
  kind: "cluster";
  id: number;
  latitude: number;
  longitude: number;
  count: number;
  /** Zoom level at which the cluster breaks apart. */
  expansionZoom: number;
  /**
   * The HUBs of a cluster that no zoom of the map splits (HUBs at one point): the map lists them in
   * a popup instead. At most SAME_PLACE_LIST_LIMIT; `count` says how many there are.
   */
  hubs?: MapHubPoint[];
}
export interface MapHubPoint extends MapPointFields {
  kind: "hub";
}
export interface MapData {
  total: number;
  items: (MapCluster | MapHubPoint)[];
  /**
   * Asked for with `links`: accepted synchronisations between two HUBs on the map, at least one of
   * them in view, as [latitude, longitude, latitude, longitude]; at most MAX_MAP_LINKS.
   */
  links?: [number, number, number, number][];
}

interface MapIndex {
  points: MapPoints;
  index: ClusterIndex;
  /** Position in `points` by HUB id, made the first time lines are asked for. */
  positions?: Map<number, number>;
}

/** Lines drawn at most, nearest the view first; the map is a picture of the network, the HUB pages its record. */
export const MAX_MAP_LINKS = 300;

/**
 * How long an index may go on answering after the registry changed, while its replacement is built
 * in the background (docs/decisions/120-performance-at-scale.md): past it, requests wait for the new one.
 */
export const MAP_INDEX_MAX_STALE_MS = 5_000;
/**
 * Below this many points a rebuild is cheap (milliseconds, built in place): it is awaited, never
 * served stale. From it, the index is built on the worker (cluster-index.server.ts): one number.
 */
export const MAP_INDEX_BACKGROUND_FROM = CLUSTER_WORKER_FROM;
/**
 * Filter sets whose index is kept (least recently used out). An index of 100,000 points weighs about
 * 100 MB, and one is kept across versions (it answers while its successor is built), so few; and
 * together they hold at most MAX_INDEXED_POINTS points, so the server's memory stays within its heap
 * budget (docs/deploy.md) whatever filters visitors combine.
 */
const MAX_MAP_INDEXES = 8;
export const MAX_INDEXED_POINTS = 150_000;

interface IndexSlot {
  /** The newest version asked for, and its build (in flight or done). */
  version: number;
  building: Promise<MapIndex>;
  /** The newest finished index and its version. */
  ready?: { version: number; index: MapIndex };
  /** When a request first found `ready` out of date. */
  staleSince?: number;
}
const indexSlots = new WeakMap<object, Map<string, IndexSlot>>();

/**
 * The index of one filter set for `version`. When the registry has changed, a large index goes on
 * answering for at most MAP_INDEX_MAX_STALE_MS while its replacement is built (one build per version,
 * shared); a small one is rebuilt at once. Returns the index and the version it was built from.
 */
async function mapIndex(
  db: DB,
  key: string,
  version: number,
  build: () => Promise<MapIndex>,
  {
    now = Date.now(),
    backgroundFrom = MAP_INDEX_BACKGROUND_FROM,
    maxIndexedPoints = MAX_INDEXED_POINTS,
  }: { now?: number; backgroundFrom?: number; maxIndexedPoints?: number },
): Promise<{ version: number; index: MapIndex }> {
  let slots = indexSlots.get(db);
  if (!slots) indexSlots.set(db, (slots = new Map()));
  let slot = slots.get(key);
  if (slot) {
    // Least recently used goes first when full.
    slots.delete(key);
    slots.set(key, slot);
    evictBeyondBudget(slots, key, maxIndexedPoints);
  }
  if (!slot || slot.version < version) {
    const building = build();
    const target: IndexSlot = slot ?? { version, building };
    target.version = version;
    target.building = building;
    building.then(
      (index) => {
        if (!target.ready || target.ready.version < version) target.ready = { version, index };
        if (target.version === version) target.staleSince = undefined;
        evictBeyondBudget(slots, key, maxIndexedPoints);
      },
      // A failed build is forgotten: the next request tries again.
      () => {
        if (target.version === version && target.building === building) target.version = target.ready?.version ?? -1;
      },
    );
    if (!slot) {
      slots.set(key, target);
      evictBeyondBudget(slots, key, maxIndexedPoints);
    }
    slot = target;
  }
  const ready = slot.ready;
  if (ready && ready.version >= version) return ready;
  if (ready && ready.index.points.length >= backgroundFrom) {
    slot.staleSince ??= now;
    if (now - slot.staleSince < MAP_INDEX_MAX_STALE_MS) return ready;
  }
  return { version: slot.version, index: await slot.building };
}

/** Drops the least recently used indexes (never `keep`) until the count and the points are within budget. */
function evictBeyondBudget(slots: Map<string, IndexSlot>, keep: string, maxIndexedPoints: number) {
  const points = () => [...slots.values()].reduce((sum, slot) => sum + (slot.ready?.index.points.length ?? 0), 0);
  for (const key of [...slots.keys()]) {
    if (slots.size <= MAX_MAP_INDEXES && points() <= maxIndexedPoints) return;
    if (key !== keep) slots.delete(key);
  }
}

/** The map indexes kept for `db` and the points they hold (tests and memory checks). */
export function mapIndexFootprint(db: DB): { indexes: number; points: number } {
  const slots = [...(indexSlots.get(db)?.values() ?? [])];
  return { indexes: slots.length, points: slots.reduce((sum, slot) => sum + (slot.ready?.index.points.length ?? 0), 0) };
}

/** Every map index build in flight for `db` (tests wait for the background rebuilds with it). */
export async function mapIndexesSettled(db: DB): Promise<void> {
  const slots = indexSlots.get(db);
  if (slots) await Promise.allSettled([...slots.values()].map((slot) => slot.building));
}

/**
 * The map's request: clusters and single HUBs in a view. The points of a filter set are loaded once
 * and indexed by supercluster; the index is rebuilt when the public data version moves, in the
 * background for a large registry (`mapIndex`). `version` is the data version of the index used
 * (the route's ETag): while a stale index answers, it is the older one.
 */
export async function getMapData(
  db: DB,
  {
    filters,
    bbox,
    zoom,
    language,
    today,
    now,
    backgroundFrom,
    maxIndexedPoints,
    links,
  }: {
    filters: HubFilters;
    bbox: [number, number, number, number];
    zoom: number;
    language: Language;
    today: string;
    now?: number;
    backgroundFrom?: number;
    maxIndexedPoints?: number;
    /** Also the lines of accepted synchronisations (issue 16). */
    links?: boolean;
  },
): Promise<MapData & { version: number }> {
  const current = await getPublicDataVersion(db);
  const withoutView = { ...filters, bbox: undefined };
  const { version, index: built } = await mapIndex(
    db,
    `map:${today}:${filterKey(withoutView)}`,
    current,
    async () => {
      const points = await mapPoints(db, withoutView, today, current);
      // Two HUBs make a cluster, up to the map's last zoom: then HUBs at one point stay a cluster.
      const index = await buildClusterIndex(points.coordinates, { radius: CLUSTER_RADIUS, maxZoom: MAX_MAP_ZOOM, minPoints: 2 });
      return { points, index } satisfies MapIndex;
    },
    { now, backgroundFrom, maxIndexedPoints },
  );
  const { points, index } = built;
  const level = Math.max(0, Math.min(20, Math.round(zoom)));
  const [west, south, east, north] = bbox;
  const features =
    west <= east
      ? index.getClusters([west, south, east, north], level)
      : [...index.getClusters([west, south, 180, north], level), ...index.getClusters([-180, south, east, north], level)];
  const items: MapData["items"] = features.map((feature) => {
    const [longitude, latitude] = feature.geometry.coordinates;
    const properties = feature.properties as Supercluster.ClusterProperties & PointProperties;
    if (!properties.cluster) return hubPoint(points, properties.index, language);
    const expansionZoom = index.getClusterExpansionZoom(properties.cluster_id);
    const cluster: MapCluster = {
      kind: "cluster",
      id: properties.cluster_id,
      latitude: round(latitude),
      longitude: round(longitude),
      count: properties.point_count,
      expansionZoom: Math.min(expansionZoom, MAX_MAP_ZOOM),
    };
    if (expansionZoom > MAX_MAP_ZOOM) {
      cluster.hubs = index
        .getLeaves(properties.cluster_id, SAME_PLACE_LIST_LIMIT)
        .map((leaf) => hubPoint(points, (leaf.properties as PointProperties).index, language));
      // On the HUBs' own point, not supercluster's average of it (off by its projection's rounding).
      cluster.latitude = cluster.hubs[0].latitude;
      cluster.longitude = cluster.hubs[0].longitude;
    }
    return cluster;
  });
  if (!links) return { version, total: points.length, items };
  return { version, total: points.length, items, links: await linksInView(db, built, bbox, version) };
}

/** The accepted synchronisations between two HUBs of `built`, at least one of them inside `bbox`. */
async function linksInView(db: DB, built: MapIndex, bbox: [number, number, number, number], version: number): Promise<[number, number, number, number][]> {
  const pairs = await cachedPublic(db, "map-link-pairs", () => acceptedSynchronisationPairs(db), version);
  const { points } = built;
  const positions = (built.positions ??= new Map(Array.from({ length: points.length }, (_, position) => [points.id(position), position])));
  const [west, south, east, north] = bbox;
  const inView = (position: number) => {
    const latitude = points.latitude(position);
    const longitude = points.longitude(position);
    return latitude >= south && latitude <= north && (west <= east ? longitude >= west && longitude <= east : longitude >= west || longitude <= east);
  };
  const lines: [number, number, number, number][] = [];
  for (const [first, second] of pairs) {
    const a = positions.get(first);
    const b = positions.get(second);
    if (a === undefined || b === undefined) continue;
    if (!inView(a) && !inView(b)) continue;
    lines.push([points.latitude(a), points.longitude(a), points.latitude(b), points.longitude(b)]);
    if (lines.length === MAX_MAP_LINKS) break;
  }
  return lines;
}

function hubPoint(points: MapPoints, position: number, language: Language): MapHubPoint {
  return { kind: "hub", ...points.fields(position, language) };
}

/**
 * The points of a filter set. A text search takes the points of its other filters (loaded once,
 * shared by every search) and keeps its matches, instead of a query per search word.
 */
async function mapPoints(db: DB, filters: HubFilters, today: string, version: number): Promise<MapPoints> {
  const points = (set: HubFilters) => cachedPublic(db, `map-points:${today}:${filterKey(set)}`, () => listMapPoints(db, { today, filters: set }), version);
  if (filters.q === undefined) return points(filters);
  const [candidates, matches] = await Promise.all([points({ ...filters, q: undefined }), searchMatches(db, filters.q, version)]);
  const matching = new Set(matches.ids);
  return candidates.filter((id) => matching.has(id));
}

function round(value: number) {
  return Math.round(value * 1e5) / 1e5;
}
