import Supercluster from "supercluster";
import { describe, expect, it } from "vitest";
import { buildClusterIndex, type ClusterOptions } from "~/modules/map/cluster-index.server";

/** Points spread over the world, with some at one place (a same-place cluster no zoom splits). */
function somePoints(count: number) {
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  // Longitude and latitude of each point in turn, as the index takes them.
  const coordinates = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) coordinates.set(i % 50 === 0 ? [2.3522, 48.8566] : [random() * 360 - 180, random() * 160 - 80], 2 * i);
  return coordinates;
}

/**
 * Whether an index came from the worker, not from the fallback in place: its zooms' arrays are the
 * typed arrays the worker transferred (supercluster's own load leaves plain arrays).
 */
function builtOnWorker(index: unknown) {
  const trees = (index as { trees: ({ data: unknown } | undefined)[] }).trees;
  return trees.filter(Boolean).every((tree) => tree!.data instanceof Float64Array);
}

const OPTIONS: ClusterOptions = { radius: 80, maxZoom: 18, minPoints: 2 };
const VIEWS: [number, number, number, number][] = [
  [-180, -85, 180, 85],
  [-10, 35, 30, 60],
  [2.2, 48.8, 2.5, 48.9],
  [100, -50, 180, 10],
];

describe("the map's cluster index", () => {
  it("built on the worker thread, answers as the index built in place: clusters, expansion zooms and leaves at every zoom", async () => {
    const points = somePoints(6_000);
    const inPlace = await buildClusterIndex(points, OPTIONS, Infinity);
    const onWorker = await buildClusterIndex(points, OPTIONS, 1);
    expect(onWorker).toBeInstanceOf(Supercluster);
    expect(builtOnWorker(onWorker)).toBe(true);
    expect(builtOnWorker(inPlace)).toBe(false);
    let clusters = 0;
    for (let zoom = 0; zoom <= 20; zoom++) {
      for (const view of VIEWS) {
        const expected = inPlace.getClusters(view, zoom);
        expect(onWorker.getClusters(view, zoom)).toEqual(expected);
        for (const feature of expected) {
          if (!("cluster" in feature.properties)) continue;
          clusters++;
          const id = feature.properties.cluster_id;
          expect(onWorker.getClusterExpansionZoom(id)).toBe(inPlace.getClusterExpansionZoom(id));
          expect(onWorker.getLeaves(id, 50)).toEqual(inPlace.getLeaves(id, 50));
        }
      }
    }
    expect(clusters).toBeGreaterThan(100);
  });

  it("keeps the main thread free while it builds a large index: other work runs before the index is ready", async () => {
    const points = somePoints(100_000);
    const ranMeanwhile = (inPlaceFrom: number) => {
      let ran = false;
      setTimeout(() => (ran = true), 0);
      return buildClusterIndex(points, OPTIONS, inPlaceFrom).then((index) => ({ ran, index }));
    };
    // Built in place, the build is one synchronous run: nothing else gets a turn until it is done.
    expect((await ranMeanwhile(Infinity)).ran).toBe(false);
    const { ran, index } = await ranMeanwhile(1);
    expect(ran).toBe(true);
    expect(builtOnWorker(index)).toBe(true);
    expect(index.getClusters([-180, -85, 180, 85], 2).length).toBeGreaterThan(0);
  });
});
