/**
 * npm run bench [-- --hubs 2000] [--engine pglite|postgres|both]
 * npm run bench -- --scaling [--hubs 2000] [--seconds 10]: map-page and HUB-page throughput with
 *   WEB_CONCURRENCY=2 against 1, on PostgreSQL, as a ratio (issue 15)
 *
 * For each engine: a throw-away database, N synthetic HUBs, the production build on a free
 * loopback port, then bounded request loops (count and time) against it. Prints a table.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is only used
 * to create and drop a database named l4a_bench_*.
 */
import { execSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "kysely";
import postgres from "postgres";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { mapPageJavaScript } from "./javascript";
import { loadSyntheticRegistry, SEARCH_WORDS } from "./synthetic";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const HUBS = Number(flag("hubs") ?? 100_000);
const ENGINES = args.includes("--scaling") ? ["postgres"] : (flag("engine") ?? "both") === "both" ? ["pglite", "postgres"] : [flag("engine")!];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD_SECONDS = Number(flag("seconds") ?? 10);
const SCALING = args.includes("--scaling");
const ROOT = path.resolve(import.meta.dirname, "..");

const log = (message: string) => console.log(message);

interface Row {
  figure: string;
  value: string;
  limit: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; ms: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, bytes: body.length, ms: performance.now() - started, body, headers: response.headers });
      });
      response.on("error", reject);
    });
    request.setTimeout(600_000, () => request.destroy(new Error(`timeout ${url}`)));
    request.on("error", reject);
  });
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Sequential requests, bounded in count. */
async function sequential(urls: string[], headers?: Record<string, string>) {
  const times: number[] = [];
  let bytes = 0;
  for (const url of urls) {
    const response = await get(url, headers);
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(response.ms);
    bytes = response.bytes;
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), bytes };
}

/** `concurrency` loopback workers for at most `seconds` and `maxRequests`. */
async function load(makeUrl: (i: number) => string, { concurrency = 10, seconds = LOAD_SECONDS, maxRequests = 20_000 } = {}) {
  const deadline = performance.now() + seconds * 1000;
  const times: number[] = [];
  let issued = 0;
  let errors = 0;
  let cacheHits = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && issued < maxRequests) {
        const url = makeUrl(issued++);
        const response = await get(url, { "Accept-Encoding": "gzip" });
        if (response.status !== 200) errors++;
        if (response.headers["x-page-cache"] === "hit") cacheHits++;
        times.push(response.ms);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rps: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length, errors, cacheHits };
}

async function startServer(env: Record<string, string>, processes = 1) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DEMO_MODE: "false", SESSION_SECRET: "bench-session-secret-of-at-least-32-characters", PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    child.stdout!.on("data", () => {
      if (output.split("[server] ready at").length - 1 >= processes) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function measure(base: string, engine: string): Promise<Row[]> {
  const rows: Row[] = [];
  const world = `${base}/api/map?bbox=-180,-85,180,85&zoom=2&lang=en`;
  const regional = `${base}/api/map?bbox=-10,35,30,60&zoom=5&lang=en`;

  // First request builds the cluster index for "no filter": measured on its own.
  const step = (name: string) => log(`  [${engine}] ${name}…`);
  step("map data");
  const cold = await get(world);
  rows.push({ figure: "map data, first request (loads points, builds the cluster index)", value: ms(cold.ms), limit: "one SQL scan of every public HUB + supercluster load, then cached until data changes" });
  const worldRun = await sequential(Array.from({ length: 300 }, () => world));
  rows.push({ figure: "map data, world view (zoom 2): p50 / p99, bytes", value: `${ms(worldRun.p50)} / ${ms(worldRun.p99)}, ${kb(worldRun.bytes)}`, limit: "one version read (SQL) + supercluster getClusters + JSON" });
  const regionalRun = await sequential(Array.from({ length: 300 }, () => regional));
  rows.push({ figure: "map data, regional view (Europe, zoom 5): p50 / p99, bytes", value: `${ms(regionalRun.p50)} / ${ms(regionalRun.p99)}, ${kb(regionalRun.bytes)}`, limit: "same; more clusters in view" });
  const filteredCold = await get(`${world}&sdg=11`);
  const filteredRun = await sequential(Array.from({ length: 100 }, () => `${world}&sdg=11`));
  rows.push({
    figure: "map data, world view with sdg=11: first / p50",
    value: `${ms(filteredCold.ms)} / ${ms(filteredRun.p50)}`,
    limit: "first: filtered scan + index build; then cached",
  });

  step("map page under load");
  await get(`${base}/en`);
  const mapPage = await load(() => `${base}/en`);
  rows.push({
    figure: "map page /en, 10 connections: req/s, p50 / p99",
    value: `${mapPage.rps.toFixed(0)} req/s, ${ms(mapPage.p50)} / ${ms(mapPage.p99)} (${mapPage.requests} requests, ${mapPage.errors} errors)`,
    limit: "anonymous repeat views come from the HTML cache (server/page-cache.ts): Express, compression and one version read; a miss costs a React render",
  });
  step("HUB page under load");
  // First views: every request a HUB not asked for before (at most one request per HUB), so each
  // one is rendered. Repeat views: 20 popular HUBs asked for again and again, rendered once each.
  const sample = Math.min(HUBS, 5000);
  const firstViews = await load((i) => `${base}/en/hubs/bench-hub-${(i * 7919) % sample}`, { maxRequests: sample });
  rows.push({
    figure: "HUB page, first views (cache misses), 10 connections: req/s, p50 / p99",
    value: `${firstViews.rps.toFixed(0)} req/s, ${ms(firstViews.p50)} / ${ms(firstViews.p99)} (${firstViews.requests} requests, ${firstViews.cacheHits} hits, ${firstViews.errors} errors)`,
    limit: "about 20 small indexed queries per page (HUB, texts, goals, outcomes, partners, progress updates…) + React rendering of the whole page",
  });
  const popular = Array.from({ length: 20 }, (_, i) => `${base}/en/hubs/bench-hub-${(i * 7919 + 1) % sample}`);
  for (const url of popular) await get(url);
  const repeatViews = await load((i) => popular[i % popular.length]);
  rows.push({
    figure: "HUB page, repeat views of 20 popular HUBs (cache hits), 10 connections: req/s, p50 / p99",
    value: `${repeatViews.rps.toFixed(0)} req/s, ${ms(repeatViews.p50)} / ${ms(repeatViews.p99)} (${repeatViews.requests} requests, ${repeatViews.cacheHits} hits, ${repeatViews.errors} errors)`,
    limit: "HTML cache (server/page-cache.ts): Express, one shared version read, then gzip of the stored HTML on every response; the benchmark client shares the 2 cores",
  });

  step("text search");
  // 45 different words, each searched once from its own interface language: every request is the
  // first search of its word (nothing about it cached). Then the same words from another interface
  // language: the ranked matches are cached, only the page's list and render are new.
  const searchTimes: number[] = [];
  const otherLanguageTimes: number[] = [];
  let searchFound = 0;
  for (const [language, words] of Object.entries(SEARCH_WORDS)) {
    for (const word of words) {
      const response = await get(`${base}/${language}?q=${encodeURIComponent(word)}`);
      searchTimes.push(response.ms);
      if (/hub-card/.test(response.body.toString())) searchFound++;
    }
  }
  for (const [language, other] of [["en", "fr"], ["es", "en"], ["fr", "es"]] as const) {
    for (const word of SEARCH_WORDS[language]) otherLanguageTimes.push((await get(`${base}/${other}?q=${encodeURIComponent(word)}`)).ms);
  }
  rows.push({
    figure: `text search, first search of a word (page /{lang}?q=word, ${searchTimes.length} words): p50 / p99`,
    value: `${ms(percentile(searchTimes, 50))} / ${ms(percentile(searchTimes, 99))} (${searchFound} with results)`,
    limit: "one query: GIN lookup in 3 configurations, rank and a primary-key look-up per match (3,500 to 17,000); then the page's 20 HUBs and the React render",
  });
  rows.push({
    figure: "text search, the same words from another interface language: p50 / p99",
    value: `${ms(percentile(otherLanguageTimes, 50))} / ${ms(percentile(otherLanguageTimes, 99))}`,
    limit: "matches cached per word: the page's 20 HUBs in that language and the React render",
  });
  // Words the pages above did not search: nothing cached.
  const mapSearch = await sequential(["councils", "settlements", "hillside", "coastal", "traders"].map((word) => `${world}&q=${encodeURIComponent(word)}`));
  rows.push({ figure: "map data with a text search (uncached): p50", value: ms(mapSearch.p50), limit: "the search's matches (shared with the list) picked from the cached points of the other filters, then a cluster index per query" });

  step("exports");
  const geojson = await get(`${base}/api/hubs.geojson?lang=en`);
  rows.push({
    figure: `GeoJSON export of all ${HUBS.toLocaleString("en")}: time, bytes (gzip)`,
    value: `${(geojson.ms / 1000).toFixed(2)} s, ${(geojson.bytes / 1024 / 1024).toFixed(1)} MB (${(gzipSync(geojson.body).length / 1024 / 1024).toFixed(1)} MB)`,
    limit: "one SQL query with per-HUB subqueries, JSON built in memory",
  });
  const csv = await get(`${base}/api/hubs.csv?lang=en`);
  rows.push({ figure: "CSV export of all: time, bytes", value: `${(csv.ms / 1000).toFixed(2)} s, ${(csv.bytes / 1024 / 1024).toFixed(1)} MB`, limit: "same query" });

  step("JavaScript of the map page (Chromium)");
  rows.push(...(await mapPageJavaScript(base)));
  log(`  [${engine}] done measuring`);
  return rows;
}

/**
 * The same loads against 1 and then 2 worker processes (WEB_CONCURRENCY) on one database: the map
 * page (anonymous: mostly page-cache hits) and HUB pages seen for the first time (cache misses,
 * each one rendered). The ratio is what a second process adds on this machine.
 */
async function scaling(databaseUrl: string): Promise<Row[]> {
  const results: Record<number, { map: number; hub: number }> = {};
  const sample = Math.min(HUBS, 5000);
  for (const workers of [1, 2]) {
    log(`  [scaling] WEB_CONCURRENCY=${workers}…`);
    const server = await startServer({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: String(workers), RATE_LIMIT_SEARCH_PER_MINUTE: "100000" }, workers);
    try {
      // Warm every worker (JIT, the route modules, per-process caches) on both pages first.
      for (let i = 0; i < 20; i += 1) await get(`${server.url}/en`);
      await Promise.all(Array.from({ length: 40 }, (_, i) => get(`${server.url}/en/hubs/bench-hub-${HUBS - 1 - i}`)));
      const map = await load(() => `${server.url}/en`);
      const hub = await load((i) => `${server.url}/en/hubs/bench-hub-${(i * 7919) % sample}`, { maxRequests: sample });
      if (map.errors || hub.errors) throw new Error(`errors under load: map ${map.errors}, HUB ${hub.errors}`);
      results[workers] = { map: map.rps, hub: hub.rps };
    } finally {
      await server.stop();
    }
  }
  const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
  return [
    { figure: "map page /en, 10 connections: req/s with 1 → 2 workers", value: `${results[1]!.map.toFixed(0)} → ${results[2]!.map.toFixed(0)} (${ratio(results[1]!.map, results[2]!.map)})`, limit: "mostly page-cache hits: Express + gzip; the load client shares the cores" },
    { figure: "HUB page first views (cache misses), 10 connections: req/s with 1 → 2 workers", value: `${results[1]!.hub.toFixed(0)} → ${results[2]!.hub.toFixed(0)} (${ratio(results[1]!.hub, results[2]!.hub)})`, limit: "React rendering and ~20 queries per page: CPU-bound, so it scales with cores" },
  ];
}

async function runEngine(engine: string): Promise<{ rows: Row[]; details: string }> {
  log(`\n== ${engine}: loading ${HUBS.toLocaleString("en")} synthetic HUBs`);
  let databaseUrl: string | undefined;
  let dataRoot: string | undefined;
  let admin: ReturnType<typeof postgres> | undefined;
  let name: string | undefined;
  if (engine === "postgres") {
    name = `l4a_bench_${Date.now().toString(36)}`;
    admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else {
    dataRoot = mkdtempSync(path.join(os.tmpdir(), "l4a-bench-"));
  }
  const pgliteDir = dataRoot ? path.join(dataRoot, "pglite") : undefined;
  let details = "";
  try {
    const handle = await openDatabase(databaseUrl ? { databaseUrl } : { pgliteDataDir: pgliteDir });
    await prepareDatabase(handle.db);
    const loadStarted = Date.now();
    await loadSyntheticRegistry(handle.db, { hubs: HUBS, log });
    const version = await sql<{ version: string }>`select version()`.execute(handle.db);
    details = `${version.rows[0].version.split(" on ")[0]}; load took ${Math.round((Date.now() - loadStarted) / 1000)} s`;
    await handle.close();
    if (SCALING) {
      if (!databaseUrl) throw new Error("--scaling needs PostgreSQL (--engine postgres): several processes cannot share the embedded database");
      return { rows: await scaling(databaseUrl), details };
    }
    const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DATA_DIR: pgliteDir! });
    try {
      return { rows: await measure(server.url, engine), details };
    } finally {
      await server.stop();
    }
  } finally {
    if (admin && name) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  }
}

async function main() {
  // The production build with its precompressed assets (`npm run build`), as `npm start` serves it.
  if (process.env.BENCH_BUILD === "1") execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  else execSync("node scripts/ensure-build.mjs", { cwd: ROOT, stdio: "inherit" });
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const results: Record<string, { rows: Row[]; details: string }> = {};
  for (const engine of ENGINES) results[engine] = await runEngine(engine);

  console.log(`\n## Benchmark: ${HUBS.toLocaleString("en")} synthetic HUBs\n`);
  console.log(`Machine: ${machine}`);
  for (const engine of ENGINES) console.log(`${engine}: ${results[engine].details}`);
  console.log("");
  console.log(`| figure | ${ENGINES.join(" | ")} | what limits it |`);
  console.log(`| --- | ${ENGINES.map(() => "---").join(" | ")} | --- |`);
  const first = results[ENGINES[0]].rows;
  first.forEach((row, index) => {
    console.log(`| ${row.figure} | ${ENGINES.map((engine) => results[engine].rows[index]?.value ?? "").join(" | ")} | ${row.limit} |`);
  });
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
