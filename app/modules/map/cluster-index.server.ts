import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import KDBush from "kdbush";
import Supercluster from "supercluster";

/** What each point of a cluster index carries: its position in the list it was built from. */
export type PointProperties = { index: number };
export type ClusterIndex = Supercluster<PointProperties, Supercluster.AnyProps>;
export type ClusterOptions = Pick<Supercluster.Options<PointProperties, Supercluster.AnyProps>, "radius" | "maxZoom" | "minPoints">;

/** Below this many points an index takes milliseconds to build: built in place. */
export const CLUSTER_WORKER_FROM = 5_000;

/**
 * supercluster's index of points given as `coordinates` (longitude and latitude of each in turn), built
 * on a worker thread from CLUSTER_WORKER_FROM points up. `Supercluster.load` is one synchronous run:
 * at 100,000 points it held the server's main thread, every request included, for over a second each
 * time the registry changed (decision 120, section 12). The worker builds the index and hands back
 * each zoom's KD-tree (kdbush keeps it in one ArrayBuffer, `KDBush.from` takes it back as it is) and
 * supercluster's flat array of points and clusters; both are transferred, not copied, and put into
 * a Supercluster made here, so the index answers exactly as one built in place
 * (tests/unit/cluster-index.test.ts compares them). If the worker cannot be used, the
 * index is built in place. The index reads `coordinates` afterwards: they must not change.
 */
export async function buildClusterIndex(coordinates: Float64Array, options: ClusterOptions, workerFrom = CLUSTER_WORKER_FROM): Promise<ClusterIndex> {
  const length = coordinates.length / 2;
  if (length >= workerFrom) {
    try {
      // A copy goes to the worker (its buffer is handed over): the index keeps the caller's.
      const trees = await buildOnWorker(coordinates.slice(), options);
      const index: ClusterIndex = new Supercluster(options);
      const internals = index as unknown as { trees: unknown[]; points: unknown[] };
      for (const { zoom, tree, data } of trees) {
        const kdTree = KDBush.from(tree);
        // supercluster reads its own array where kdbush kept its buffer (as its load leaves it).
        (kdTree as unknown as { data: Float64Array }).data = data;
        internals.trees[zoom] = kdTree;
      }
      internals.points = featuresOnDemand(coordinates);
      return index;
    } catch (error) {
      console.error("[map] cluster worker failed, building in place", error);
    }
  }
  const features = Array.from({ length }, (_, i) => pointFeature(coordinates[2 * i], coordinates[2 * i + 1], i));
  return new Supercluster<PointProperties, Supercluster.AnyProps>(options).load(features);
}

function pointFeature(longitude: number, latitude: number, index: number): Supercluster.PointFeature<PointProperties> {
  return { type: "Feature", geometry: { type: "Point", coordinates: [longitude, latitude] }, properties: { index } };
}

/**
 * supercluster's input points, as it reads them once the index is built: by position (a point that
 * no zoom clusters is answered as its input feature) and their count. A feature of 100,000 kept for
 * that weighed about 16 MB of the server's heap (decision 120, section 15); each is now made from the
 * coordinates when supercluster asks for it, a few hundred per map request at most.
 */
function featuresOnDemand(coordinates: Float64Array): unknown[] {
  const length = coordinates.length / 2;
  return new Proxy([], {
    get(target, property) {
      if (property === "length") return length;
      if (typeof property === "string") {
        const i = Number(property);
        if (Number.isInteger(i) && i >= 0 && i < length) return pointFeature(coordinates[2 * i], coordinates[2 * i + 1], i);
      }
      return Reflect.get(target, property);
    },
  });
}

interface BuiltTree {
  zoom: number;
  /** kdbush's ArrayBuffer. */
  tree: ArrayBuffer;
  /** supercluster's flat array for the zoom (6 numbers a point or cluster). */
  data: Float64Array;
}

// The server build bundles this module, so the worker is given its source, and supercluster's
// own module (found from here) to import.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const loading = import(workerData.supercluster).then((module) => module.default);
parentPort.on("message", async ({ id, coordinates, options }) => {
  try {
    const Supercluster = await loading;
    const features = [];
    for (let i = 0; i < coordinates.length; i += 2) {
      features.push({ type: "Feature", geometry: { type: "Point", coordinates: [coordinates[i], coordinates[i + 1]] }, properties: { index: i / 2 } });
    }
    const index = new Supercluster(options).load(features);
    const trees = [];
    const transfer = [];
    index.trees.forEach((tree, zoom) => {
      if (!tree) return;
      const data = Float64Array.from(tree.data);
      trees.push({ zoom, tree: tree.ids.buffer, data });
      transfer.push(tree.ids.buffer, data.buffer);
    });
    parentPort.postMessage({ id, trees }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

let worker: Worker | undefined;
let nextRequest = 0;
const pending = new Map<number, { resolve: (trees: BuiltTree[]) => void; reject: (error: Error) => void }>();

function clusterWorker(): Worker {
  if (worker) return worker;
  const supercluster = pathToFileURL(createRequire(import.meta.url).resolve("supercluster")).href;
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { supercluster } });
  // Idle, it keeps nothing alive: the server's own handles do.
  started.unref();
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  started.on("message", (message: { id: number; trees?: BuiltTree[]; error?: string }) => {
    const request = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) request?.reject(new Error(message.error));
    else request?.resolve(message.trees ?? []);
    if (pending.size === 0) stopWhenIdle(started);
  });
  started.on("error", fail);
  started.on("exit", (code) => {
    if (worker === started) fail(new Error(`cluster worker exited with ${code}`));
  });
  worker = started;
  return started;
}

/**
 * An idle worker holds its heap (tens of MB after a large build), and a new one takes about 150 ms
 * to start and load supercluster: it is kept while builds follow each other (a search's map asks
 * for one per query) and ended after WORKER_IDLE_MS without one.
 */
const WORKER_IDLE_MS = 30_000;
let idleTimer: NodeJS.Timeout | undefined;

function stopWhenIdle(idle: Worker) {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== idle || pending.size > 0) return;
    worker = undefined;
    void idle.terminate();
  }, WORKER_IDLE_MS);
  idleTimer.unref();
}

function buildOnWorker(coordinates: Float64Array<ArrayBuffer>, options: ClusterOptions): Promise<BuiltTree[]> {
  clearTimeout(idleTimer);
  const target = clusterWorker();
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, coordinates, options }, [coordinates.buffer]);
  });
}
