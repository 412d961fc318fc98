/**
 * npm run bench [-- --hubs 2000] [--engine pglite|postgres|both] [--json FILE] [--first-start]
 * npm run bench -- --scaling [--hubs 2000] [--seconds 10]: map-page and HUB-page throughput with
 *   WEB_CONCURRENCY=2 against 1, on PostgreSQL, as a ratio (issue 15)
 *
 * For each engine: a throw-away database, N synthetic HUBs, the production build on a free
 * loopback port, then bounded request loops (count and time) against it. Prints a table.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is only used
 * to create and drop a database named l4a_bench_*.
 * --json FILE writes the figures of issue 13 under stable names, per engine, and the Markdown table
 * beside it (FILE with .md). --first-start first measures a fresh clone's `npm start` to /healthz
 * (it deletes this checkout's build and compressed-asset cache, then `npm start` builds them again).
 * --only exports measures the GeoJSON and CSV exports alone, --only search the text search alone,
 * --only pages the HUB pages (first and repeat views) and /healthz (without it the run is the whole one).
 * --database-url URL (PostgreSQL, with --only) measures a database loaded
 * already by bench/load-database.ts: nothing is created, loaded or dropped (the search's per-IP rate
 * limit counter aside), so the figures take seconds, not the load's minutes.
 */
import { execSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { insertSession, sessionCookieHeader } from "../app/modules/accounts/session.server";
import { parseEnv } from "../app/modules/config/env.server";
import { SUPPORTED_LANGUAGES } from "../app/modules/i18n/config";
import { ensureReportingState } from "../app/modules/progress/reporting-state.server";
import type { DB } from "../db/index";
import { serverEnvironment, serverNodeArguments } from "../server/launch";

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
const JSON_FILE = flag("json");
const ONLY = flag("only");
if (ONLY !== undefined && !["exports", "search", "pages"].includes(ONLY)) throw new Error(`--only ${ONLY}: only "exports", "search" and "pages" are known`);
const EXISTING_DATABASE_URL = flag("database-url");
/** The HUBs the page figures ask for: bench-hub-0 … (the first 5,000). */
const SAMPLED_HUBS = Math.min(HUBS, 5000);
const SESSION_SECRET = "bench-session-secret-of-at-least-32-characters";
const ROOT = path.resolve(import.meta.dirname, "..");

const log = (message: string) => console.log(message);

interface Row {
  figure: string;
  value: string;
  limit: string;
}

/** The figures of issue 13, under the names `--json` writes (null: not measured on this engine). */
type Figures = Record<string, number | null>;

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

function get(
  url: string,
  headers: Record<string, string> = {},
  { keepBody = true }: { keepBody?: boolean } = {}
): Promise<{
  status: number;
  bytes: number;
  ms: number;
  firstByteMs: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let firstByteMs = -1;
      response.on("data", (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          bytes,
          ms: performance.now() - started,
          firstByteMs,
          body,
          headers: response.headers,
        });
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
async function load(makeUrl: (i: number) => string, { concurrency = 10, seconds = LOAD_SECONDS, maxRequests = 20_000, headers = {} as Record<string, string> } = {}) {
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
        const response = await get(url, {
          "Accept-Encoding": "gzip",
          ...headers,
        });
        if (response.status !== 200) errors++;
        if (response.headers["x-page-cache"] === "hit") cacheHits++;
        times.push(response.ms);
      }
    })
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requests: times.length,
    errors,
    cacheHits,
    times,
    elapsed,
  };
}

type LoadResult = Awaited<ReturnType<typeof load>>;

/** Loads measured in several slices, taken together: requests over their summed time. */
function combined(slices: LoadResult[]): LoadResult {
  const times = slices.flatMap((slice) => slice.times);
  const elapsed = slices.reduce((sum, slice) => sum + slice.elapsed, 0);
  return {
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requests: times.length,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    cacheHits: slices.reduce((sum, slice) => sum + slice.cacheHits, 0),
    times,
    elapsed,
  };
}

/**
 * First views and /healthz are measured in alternating slices (5 of each, LOAD_SECONDS in all for
 * each), so their ratio compares the same minutes of the machine. This 2-core VM's speed moves with
 * its neighbours (steal time up to 13 %): measured minutes apart, one build's ratio ranged from 0.14
 * to 0.29 in three runs of an hour. Slices do not remove that (one run's ranged from 0.21 to 0.42),
 * which is why the row shows each pair's ratio.
 */
const RATIO_SLICES = 5;

/**
 * HUB pages under load: first views (every request a HUB not asked for before, at most one request
 * per HUB, so each one is rendered), repeat views of 20 popular HUBs (rendered once each), and
 * /healthz in the same run, the server's ceiling the first views are compared with.
 */
async function measureHubPages(base: string, engine: string, figures: Figures, step: (name: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const sample = SAMPLED_HUBS;
  // A server runs for days: the figure is its steady state. Before it, first views of other HUBs
  // (outside the sample, or the sample's own under another URL when the registry is that small) for
  // as long as the measurement, so V8 has compiled the HUB page's code and every pooled connection
  // has prepared its statements, as for /healthz, which is measured after everything else.
  step("HUB page, warming up");
  const others = HUBS - sample;
  const warmUp = await load((i) =>
    others > 0 ? `${base}/en/hubs/bench-hub-${sample + ((i * 7919) % others)}` : `${base}/en/hubs/bench-hub-${(i * 7919) % sample}?warm-up=${i}`,
  );
  rows.push({
    figure: "HUB page, first views while the page's code is new to the process (other HUBs, 10 connections): req/s",
    value: `${warmUp.rps.toFixed(0)} req/s (${warmUp.requests} requests)`,
    limit: "V8 compiling the page's code on its first runs (and each pooled connection preparing its statements): the warm-up before the figure below",
  });
  // /healthz's own warm-up, as the pages had theirs.
  await load(() => `${base}/healthz`, { seconds: LOAD_SECONDS / RATIO_SLICES });
  step("HUB page under load, alternating with /healthz");
  const missSlices: LoadResult[] = [];
  const healthzSlices: LoadResult[] = [];
  let firstViewCount = 0;
  for (let slice = 0; slice < RATIO_SLICES && firstViewCount < sample; slice++) {
    const from = firstViewCount;
    const views = await load((i) => `${base}/en/hubs/bench-hub-${((from + i) * 7919) % sample}`, { seconds: LOAD_SECONDS / RATIO_SLICES, maxRequests: sample - from });
    firstViewCount += views.requests;
    missSlices.push(views);
    healthzSlices.push(await load(() => `${base}/healthz`, { seconds: LOAD_SECONDS / RATIO_SLICES }));
  }
  const firstViews = combined(missSlices);
  const healthz = combined(healthzSlices);
  rows.push({
    figure: `HUB page, first views (cache misses), 10 connections, in ${RATIO_SLICES} slices alternating with /healthz: req/s, p50 / p99`,
    value: `${firstViews.rps.toFixed(0)} req/s, ${ms(firstViews.p50)} / ${ms(firstViews.p99)} (${firstViews.requests} requests, ${firstViews.cacheHits} hits, ${
      firstViews.errors
    } errors)`,
    limit: `the two cores, shared by the server's main thread (${engine === "pglite" ? "which also runs PGlite's queries" : "about three quarters of a core: 1 prepared statement, the HUB page's, compiled once per language, with the page's version, so a first view reads no version before it; server/page-cache.ts"}; the framework's work per document; the document compressed and sent as one body, server/document-body.ts), the render thread (React's render of the page from its parts, a third of a core: server/render-worker.ts, decision 120, section 26), PostgreSQL and the load client`,
  });
  const popular = Array.from({ length: 20 }, (_, i) => `${base}/en/hubs/bench-hub-${(i * 7919 + 1) % sample}`);
  for (const url of popular) await get(url);
  const repeatViews = await load((i) => popular[i % popular.length]);
  rows.push({
    figure: "HUB page, repeat views of 20 popular HUBs (cache hits), 10 connections: req/s, p50 / p99",
    value: `${repeatViews.rps.toFixed(0)} req/s, ${ms(repeatViews.p50)} / ${ms(repeatViews.p99)} (${repeatViews.requests} requests, ${repeatViews.cacheHits} hits, ${
      repeatViews.errors
    } errors)`,
    limit: "HTML cache (server/page-cache.ts): Express, one shared version read, then the stored HTML with the request's nonce, compressed at once on every response (server/document-body.ts); the benchmark client shares the 2 cores",
  });

  figures.healthz_rps = healthz.rps;
  figures.hub_page_miss_rps = firstViews.rps;
  rows.push({
    figure: `/healthz, 10 connections, in ${RATIO_SLICES} slices alternating with the first views above: req/s; HUB page misses ÷ /healthz`,
    // Each slice pair's own ratio too: how far the machine moved within the run.
    value: `${healthz.rps.toFixed(0)} req/s; ${(firstViews.rps / healthz.rps).toFixed(3)} (slices: ${missSlices.map((slice, index) => (slice.rps / healthzSlices[index].rps).toFixed(2)).join(", ")})`,
    limit: "Express, the edge's middleware and Remix's resource-route handling (route matching: ranked branches kept, each tested by its whole path first; patches/@remix-run+router+1.23.3.patch): the ceiling of this server on this machine",
  });

  return rows;
}

async function startServer(env: Record<string, string>, processes = 1) {
  const port = await freePort();
  const child = spawn(process.execPath, serverNodeArguments(), {
    cwd: ROOT,
    env: {
      ...process.env,
      ...serverEnvironment(),
      NODE_ENV: "production",
      DEMO_MODE: "false",
      SESSION_SECRET,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // One loopback client asks for thousands of map views a minute: the per-IP limit is the most it allows.
      RATE_LIMIT_SEARCH_PER_MINUTE: "100000",
      // The bench's council session is written ahead without a second factor (as the browser tests'
      // are); production's default would send it to enrolment instead of the dashboard.
      REQUIRE_MFA: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Only the end of what the server prints is kept, and the start is looked for only until it is
  // seen: this process shares the two cores with the server, and scanning the whole log (a line per
  // request) on every write of it took CPU from the server, more the longer the run.
  const READY = "[server] ready at";
  let output = "";
  let readyCount = 0;
  let onStarted: (() => void) | undefined;
  const keep = (chunk: Buffer) => {
    const text = String(chunk);
    if (onStarted) {
      readyCount += (output.slice(-(READY.length - 1)) + text).split(READY).length - 1;
      if (readyCount >= processes) onStarted();
    }
    output = (output + text).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    onStarted = () => {
      onStarted = undefined;
      clearTimeout(timer);
      resolve();
    };
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    /** The end of what the server printed (its log lines: a 500's stack), for a failed measurement. */
    outputTail: () => output.slice(-4000),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The server's resident memory, in MB (Linux /proc). */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The data version an open-data or map answer was made from (its ETag: W/"version-…"). */
function etagVersion(headers: http.IncomingHttpHeaders): number {
  const match = /^W\/"(\d+)-/.exec(String(headers.etag ?? ""));
  return match ? Number(match[1]) : -1;
}

interface Writer {
  db: DB;
  /** HUB ids by slug, for writes to the HUBs the readers ask for. */
  ids: Map<string, number>;
  randomIds: number[];
}

/** One city's edit: a HUB's English summary changes (as a published change would). Returns the new public data version. */
async function editHub(writer: Writer, hubId: number, n: number): Promise<number> {
  await writer.db
    .updateTable("hub_translations")
    .set({ summary: `Bench edit ${n} at ${new Date().toISOString()}` })
    .where("hub_id", "=", hubId)
    .where("language", "=", "en")
    .execute();
  const row = await writer.db.selectFrom("public_data_version").select("version").where("id", "=", 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

interface MeasureContext {
  pid: number;
  councilCookie: string;
  /** A connection of the bench's own for live writes (PostgreSQL only: PGlite is single-process). */
  writer?: Writer;
}

/** The GeoJSON and CSV exports of every HUB: first byte, total, bytes, and the server's memory growth while it streams. */
async function measureExports(base: string, pid: number, figures: Figures): Promise<Row[]> {
  const rows: Row[] = [];
  // The server's memory sampled while it streams: growth is the peak over the value before.
  const sampleRss = async <T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> => {
    const before = rssMb(pid);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    try {
      const result = await run();
      return { result, growth: Math.max(0, peak - before) };
    } finally {
      clearInterval(timer);
    }
  };
  // A small export first (a warm server: its code compiled, its connections open), as in the full run, where the exports come last.
  await get(`${base}/api/hubs.geojson?lang=en&country=FR`);
  // The first export of a language and format after a load makes and stores every HUB's text
  // (opendata/export-text.server.ts); the ones after it read the stored text, made again only for
  // HUBs written since. Both are reported; the figures are the second, a live registry's case.
  // The first keeps the body (its compressed size is reported); a timed download does not: 118 MB
  // held in the bench's own memory cost its client (on the server's two cores) more than a second.
  const firstGeojson = await get(`${base}/api/hubs.geojson?lang=en`);
  figures.export_geojson_stored_text_made_ms = firstGeojson.ms;
  const { result: geojson, growth: geojsonGrowth } = await sampleRss(() => get(`${base}/api/hubs.geojson?lang=en`, {}, { keepBody: false }));
  figures.export_geojson_first_byte_ms = geojson.firstByteMs;
  figures.export_geojson_total_ms = geojson.ms;
  figures.export_geojson_rss_growth_mb = geojsonGrowth;
  rows.push({
    figure: `GeoJSON export of all ${HUBS.toLocaleString("en")}: first byte, total, bytes (gzip), server memory growth`,
    value: `${ms(geojson.firstByteMs)}, ${(geojson.ms / 1000).toFixed(2)} s, ${(geojson.bytes / 1024 / 1024).toFixed(1)} MB (${(
      gzipSync(firstGeojson.body).length /
      1024 /
      1024
    ).toFixed(1)} MB), +${geojsonGrowth.toFixed(0)} MB; the first after the load, which stores every HUB's text: ${(firstGeojson.ms / 1000).toFixed(2)} s`,
    limit:
      "streamed: the first 500 HUBs (a top-N query) before the status, then every id in export order, 1,000 HUBs a query, two chunks read ahead: each HUB's stored text (one key look-up) put together by PostgreSQL with its status today and its pace (three queries), sent on as the bytes PostgreSQL sent; stale or missing text made from the rows and stored",
  });
  await get(`${base}/api/hubs.csv?lang=en`, {}, { keepBody: false });
  const { result: csv, growth: csvGrowth } = await sampleRss(() => get(`${base}/api/hubs.csv?lang=en`, {}, { keepBody: false }));
  figures.export_csv_first_byte_ms = csv.firstByteMs;
  figures.export_csv_total_ms = csv.ms;
  figures.export_csv_rss_growth_mb = csvGrowth;
  rows.push({
    figure: "CSV export of all (after its first, which stores the text): first byte, total, bytes, server memory growth",
    value: `${ms(csv.firstByteMs)}, ${(csv.ms / 1000).toFixed(2)} s, ${(csv.bytes / 1024 / 1024).toFixed(1)} MB, +${csvGrowth.toFixed(0)} MB`,
    limit: "same stream, CSV lines made by the one CSV writer (csvLine) and stored",
  });
  return rows;
}

/**
 * What a search's page shares with every map page, made current before the searches are timed: the
 * route's code, the connections, the filter options and names per language. Then, ten at a time,
 * searches for words no HUB has and the list's later pages, until every pooled connection has
 * planned the search's statement and the page's 20 HUBs' as a server that has been up a while has:
 * PostgreSQL plans a prepared statement's first five executions on each connection for their
 * parameters, 1 to 4 ms more for the search's and 0.4 ms for the 20 HUBs' (decision 120, section 23).
 * No timed word is searched here.
 */
async function warmMapPages(base: string) {
  for (const url of [`${base}/en`, `${base}/es`, `${base}/fr`, `${base}/en?q=zzyzxquux`]) await get(url);
  await load((i) => {
    const language = SUPPORTED_LANGUAGES[i % SUPPORTED_LANGUAGES.length];
    return i % 2 === 0 ? `${base}/${language}?q=zzwarm${i}q` : `${base}/${language}?page=${2 + (i % 97)}`;
  }, {
    concurrency: 10,
    seconds: 60,
    maxRequests: WARM_UP_REQUESTS,
  });
}
/** Enough for each of the pool's ten connections to pass five executions of each statement, in each language. */
const WARM_UP_REQUESTS = 900;

/** Text search from the map page: each word's first search, the same words from another language, and map data with a search. */
async function measureSearch(base: string, world: string, figures: Figures): Promise<Row[]> {
  const rows: Row[] = [];
  // 45 different words, each searched once from its own interface language: every request is the
  // first search of its word (nothing about it cached). Then the same words from another interface
  // language: the ranked matches are cached, only the page's list and render are new.
  const wordTimes: { word: string; ms: number }[] = [];
  const otherLanguageTimes: number[] = [];
  let searchFound = 0;
  for (const [language, words] of Object.entries(SEARCH_WORDS)) {
    for (const word of words) {
      const response = await get(`${base}/${language}?q=${encodeURIComponent(word)}`);
      wordTimes.push({ word, ms: response.ms });
      if (/hub-card/.test(response.body.toString())) searchFound++;
    }
  }
  const searchTimes = wordTimes.map((time) => time.ms);
  // With 45 words, p99 is the slowest word's time: the row names the slowest, so a run shows which word set it.
  const slowest = [...wordTimes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const [language, other] of [
    ["en", "fr"],
    ["es", "en"],
    ["fr", "es"],
  ] as const) {
    for (const word of SEARCH_WORDS[language]) otherLanguageTimes.push((await get(`${base}/${other}?q=${encodeURIComponent(word)}`)).ms);
  }
  figures.search_first_p50_ms = percentile(searchTimes, 50);
  figures.search_first_p99_ms = percentile(searchTimes, 99);
  rows.push({
    figure: `text search, first search of a word (page /{lang}?q=word, ${searchTimes.length} words): p50 / p99`,
    value: `${ms(percentile(searchTimes, 50))} / ${ms(percentile(searchTimes, 99))} (${searchFound} with results; slowest: ${slowest.map(({ word, ms: time }) => `${word} ${ms(time)}`).join(", ")})`,
    limit: "one query: the word's lexemes in 3 configurations, the one any HUB has (almost always one) read by an index-only scan, one posting per HUB, ranked as read (migration 270), the first 100 sorted (a top-N sort), every match joined into one list in no order (a word matching 17,000 HUBs: most of the time); HUBs under matching reference names from those names' postings by an index-only scan (migration 260), as read, each HUB kept once by the server in one pass over the list; then the page's 20 HUBs (a slice of the matches) and the React render",
  });
  rows.push({
    figure: "text search, the same words from another interface language: p50 / p99",
    value: `${ms(percentile(otherLanguageTimes, 50))} / ${ms(percentile(otherLanguageTimes, 99))}`,
    limit: "matches cached per word: the page's 20 HUBs in that language (by key) and the React render",
  });
  // Words the pages above did not search: nothing cached.
  const mapSearch = await sequential(["councils", "settlements", "hillside", "coastal", "traders"].map((word) => `${world}&q=${encodeURIComponent(word)}`));
  rows.push({
    figure: "map data with a text search (uncached): p50",
    value: ms(mapSearch.p50),
    limit: "the search's matches (shared with the list) picked from the cached points of the other filters, then a cluster index per query",
  });
  return rows;
}

async function measure(base: string, engine: string, { pid, councilCookie, writer }: MeasureContext): Promise<{ rows: Row[]; figures: Figures }> {
  const rows: Row[] = [];
  const figures: Figures = {};
  const world = `${base}/api/map?bbox=-180,-85,180,85&zoom=2&lang=en`;
  const regional = `${base}/api/map?bbox=-10,35,30,60&zoom=5&lang=en`;

  // First request builds the cluster index for "no filter": measured on its own.
  const step = (name: string) => log(`  [${engine}] ${name}…`);
  if (ONLY === "exports") {
    step("exports");
    rows.push(...(await measureExports(base, pid, figures)));
    log(`  [${engine}] done measuring`);
    return { rows, figures };
  }
  if (ONLY === "pages") {
    step("warming up");
    for (const url of [`${base}/en`, `${base}/healthz`, `${base}/en/hubs/bench-hub-${HUBS - 1}`]) await get(url);
    rows.push(...(await measureHubPages(base, engine, figures, step)));
    log(`  [${engine}] done measuring`);
    return { rows, figures };
  }
  if (ONLY === "search") {
    step("warming up");
    await warmMapPages(base);
    // A fresh server: the first map data request builds the map's point index (the map data with a
    // search below picks from it).
    await get(world);
    step("text search");
    rows.push(...(await measureSearch(base, world, figures)));
    log(`  [${engine}] done measuring`);
    return { rows, figures };
  }
  step("map data");
  const cold = await get(world);
  rows.push({
    figure: "map data, first request (loads points, builds the cluster index)",
    value: ms(cold.ms),
    limit: "one SQL scan of every public HUB + supercluster load, then cached until data changes",
  });
  const worldRun = await sequential(Array.from({ length: 300 }, () => world));
  rows.push({
    figure: "map data, world view (zoom 2): p50 / p99, bytes",
    value: `${ms(worldRun.p50)} / ${ms(worldRun.p99)}, ${kb(worldRun.bytes)}`,
    limit: "one version read (SQL) + supercluster getClusters + JSON",
  });
  const regionalRun = await sequential(Array.from({ length: 300 }, () => regional));
  rows.push({
    figure: "map data, regional view (Europe, zoom 5): p50 / p99, bytes",
    value: `${ms(regionalRun.p50)} / ${ms(regionalRun.p99)}, ${kb(regionalRun.bytes)}`,
    limit: "same; more clusters in view",
  });
  const filteredCold = await get(`${world}&sdg=11`);
  const filteredRun = await sequential(Array.from({ length: 100 }, () => `${world}&sdg=11`));
  rows.push({
    figure: "map data, world view with sdg=11: first / p50",
    value: `${ms(filteredCold.ms)} / ${ms(filteredRun.p50)}`,
    limit: "first: filtered scan + index build; then cached",
  });

  step("map data after one HUB changes");
  if (writer) {
    // Each round: one HUB edited, then the first map request (served from the previous index while
    // the new one is built), then requests until the answer's ETag carries the new version.
    const firstAfter: number[] = [];
    const visible: number[] = [];
    for (let round = 0; round < 10; round++) {
      const version = await editHub(writer, writer.randomIds[round % writer.randomIds.length], round);
      const changed = performance.now();
      const first = await get(world);
      firstAfter.push(first.ms);
      let seen = etagVersion(first.headers) >= version;
      while (!seen && performance.now() - changed < 60_000) {
        await sleep(100);
        seen = etagVersion((await get(world)).headers) >= version;
      }
      visible.push(performance.now() - changed);
      await sleep(500);
    }
    figures.map_data_after_change_p50_ms = percentile(firstAfter, 50);
    figures.map_change_visible_max_ms = Math.max(...visible);
    rows.push({
      figure: "map data, first request after one HUB changes: p50 / p99; change visible after (max of 10)",
      value: `${ms(percentile(firstAfter, 50))} / ${ms(percentile(firstAfter, 99))}; ${ms(Math.max(...visible))}`,
      limit: "the previous index answers while the new one is built in the background (≤ 5 s: clusters.server.ts); the rebuild is one scan of every public HUB + supercluster load",
    });
  } else {
    figures.map_data_after_change_p50_ms = null;
    figures.map_change_visible_max_ms = null;
    rows.push({
      figure: "map data, first request after one HUB changes",
      value: "not measured (PGlite: one process)",
      limit: "the bench writes through its own connection",
    });
  }

  step("council dashboard");
  const council = { Cookie: councilCookie };
  const dashboardUrls = ["", "?sort=city&dir=desc", "?overdue=1&sort=overdue&dir=desc", "?page=200", "?region=europe&sort=progress&dir=desc", "?sdg=11&sort=lastDate"].map(
    (query) => `${base}/en/council${query}`
  );
  await get(dashboardUrls[0], council);
  const dashboard = await sequential(
    Array.from({ length: 30 }, (_, i) => dashboardUrls[i % dashboardUrls.length]),
    council
  );
  figures.dashboard_p50_ms = dashboard.p50;
  rows.push({
    figure: "council dashboard /en/council (50 rows a page, 6 sorts and filters): p50 / p99",
    value: `${ms(dashboard.p50)} / ${ms(dashboard.p99)}, ${kb(dashboard.bytes)}`,
    limit: "stored reporting state (hub_reporting_state): one sorted, filtered page + counts + figures in SQL, then the React render",
  });

  step("map page under load");
  await get(`${base}/en`);
  const mapPage = await load(() => `${base}/en`);
  rows.push({
    figure: "map page /en, 10 connections: req/s, p50 / p99",
    value: `${mapPage.rps.toFixed(0)} req/s, ${ms(mapPage.p50)} / ${ms(mapPage.p99)} (${mapPage.requests} requests, ${mapPage.errors} errors)`,
    limit: "anonymous repeat views come from the HTML cache (server/page-cache.ts): Express, compression and one version read; a miss costs a React render",
  });
  rows.push(...(await measureHubPages(base, engine, figures, step)));

  step("mixed load: 10 readers, one write per second");
  if (writer) {
    // Readers: 200 HUB pages (nine requests in ten) and the map page. Writer: one HUB edit a second,
    // every other one to a HUB the readers ask for.
    const pages = Array.from({ length: 200 }, (_, i) => `bench-hub-${(i * 7919 + 3) % SAMPLED_HUBS}`);
    const urls = pages.map((slug) => `${base}/en/hubs/${slug}`);
    for (const url of [...urls, `${base}/en`]) await get(url);
    let stop = false;
    let writes = 0;
    const writing = (async () => {
      while (!stop) {
        const hubId = writes % 2 === 0 ? writer.ids.get(pages[(writes * 13) % pages.length]) : writer.randomIds[writes % writer.randomIds.length];
        if (hubId !== undefined) await editHub(writer, hubId, 1000 + writes);
        writes++;
        await sleep(1000);
      }
    })();
    const mixed = await load((i) => (i % 10 === 9 ? `${base}/en` : urls[(i * 31) % urls.length]));
    stop = true;
    await writing;
    figures.cache_hit_rate_under_writes = mixed.cacheHits / mixed.requests;
    rows.push({
      figure: "mixed: 10 readers (200 HUB pages + the map page), one HUB edit a second: req/s, p50 / p99, page-cache hit rate",
      value: `${mixed.rps.toFixed(0)} req/s, ${ms(mixed.p50)} / ${ms(mixed.p99)}, ${(100 * figures.cache_hit_rate_under_writes).toFixed(1)} % hits (${
        mixed.requests
      } requests, ${writes} writes, ${mixed.errors} errors)`,
      limit: "a HUB page is rendered again only when its own HUB (or one synchronised with it) changes; the map page follows every write",
    });
  } else {
    figures.cache_hit_rate_under_writes = null;
    rows.push({
      figure: "mixed: 10 readers, one HUB edit a second",
      value: "not measured (PGlite: one process)",
      limit: "the bench writes through its own connection",
    });
  }

  // The mixed load's writes moved the data version: the map pages' shared parts (filter options,
  // SDG names) are computed again by the next page, not by the first search. Not the map data: its
  // point index would be rebuilt from here, and that build runs on the main thread (decision 120,
  // section 12).
  await warmMapPages(base);
  step("text search");
  rows.push(...(await measureSearch(base, world, figures)));

  step("exports");
  rows.push(...(await measureExports(base, pid, figures)));

  step("JavaScript of the map page (Chromium)");
  rows.push(...(await mapPageJavaScript(base)));
  figures.server_rss_mb = rssMb(pid);
  rows.push({
    figure: "server memory (RSS) after the whole bench",
    value: `${figures.server_rss_mb.toFixed(0)} MB`,
    limit: "page cache (≤ 32 MB), map indexes, the Node heap",
  });
  log(`  [${engine}] done measuring`);
  return { rows, figures };
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
    { figure: "HUB page first views (cache misses), 10 connections: req/s with 1 → 2 workers", value: `${results[1]!.hub.toFixed(0)} → ${results[2]!.hub.toFixed(0)} (${ratio(results[1]!.hub, results[2]!.hub)})`, limit: "each process's main thread and render thread: it scales with cores" },
  ];
}

async function runEngine(engine: string): Promise<{ rows: Row[]; figures: Figures; details: string }> {
  log(EXISTING_DATABASE_URL && engine === "postgres" ? `\n== ${engine}: the HUBs of --database-url` : `\n== ${engine}: loading ${HUBS.toLocaleString("en")} synthetic HUBs`);
  let databaseUrl: string | undefined;
  let dataRoot: string | undefined;
  let admin: ReturnType<typeof postgres> | undefined;
  let name: string | undefined;
  if (engine === "postgres" && EXISTING_DATABASE_URL) {
    databaseUrl = EXISTING_DATABASE_URL;
  } else if (engine === "postgres") {
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
    let sessionToken: string | undefined;
    if (EXISTING_DATABASE_URL && engine === "postgres") {
      // Loaded already (--database-url): the export and search figures need only its HUBs, and nothing is written to it.
      if (ONLY === undefined) throw new Error("--database-url needs --only exports, search or pages: the full run writes to its database");
      const version = await sql<{ version: string }>`select version()`.execute(handle.db);
      const hubs = await handle.db.selectFrom("hubs").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      details = `${version.rows[0].version.split(" on ")[0]}; an existing database of ${Number(hubs.n).toLocaleString("en")} HUBs (--database-url)`;
    } else {
      await prepareDatabase(handle.db);
      const loadStarted = Date.now();
      await loadSyntheticRegistry(handle.db, { hubs: HUBS, log });
      const version = await sql<{ version: string }>`select version()`.execute(handle.db);
      // The council dashboard's stored reporting state, filled once as a deploy's first request would.
      const backfillStarted = Date.now();
      await ensureReportingState(handle.db);
      const backfill = Math.round((Date.now() - backfillStarted) / 1000);
      const council = await handle.db
        .insertInto("users")
        .values({
          email: "council@bench.l4a.test",
          password_hash: "x",
          display_name: "Bench council",
          role: "council",
          organisation_id: null,
          preferred_language: "en",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      sessionToken = await insertSession(handle.db, council.id, "bench");
      details = `${version.rows[0].version.split(" on ")[0]}; load took ${Math.round((Date.now() - loadStarted) / 1000)} s (of which ${backfill} s the dashboard's reporting state)`;
    }
    await handle.close();
    if (SCALING) {
      if (!databaseUrl) throw new Error("--scaling needs PostgreSQL (--engine postgres): several processes cannot share the embedded database");
      return { rows: await scaling(databaseUrl), figures: {}, details };
    }
    const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DATA_DIR: pgliteDir! });
    let writerHandle: Awaited<ReturnType<typeof openDatabase>> | undefined;
    try {
      const env = parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET,
        PUBLIC_URL: server.url,
        DATABASE_URL: databaseUrl,
        PGLITE_DATA_DIR: pgliteDir,
      });
      const councilCookie = sessionToken ? (await sessionCookieHeader(env, sessionToken)).split(";")[0] : "";
      let writer: Writer | undefined;
      if (databaseUrl && ONLY === undefined) {
        writerHandle = await openDatabase({ databaseUrl, poolSize: 2 });
        const slugs = Array.from({ length: Math.min(HUBS, 5000) }, (_, i) => `bench-hub-${i}`);
        const known = await writerHandle.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "in", slugs).execute();
        const random = await writerHandle.db
          .selectFrom("hubs")
          .select("id")
          .where("status", "=", "recognised")
          .orderBy(sql`md5(id::text)`)
          .limit(500)
          .execute();
        writer = {
          db: writerHandle.db,
          ids: new Map(known.map((row) => [row.slug, row.id])),
          randomIds: random.map((row) => row.id),
        };
      }
      const { rows, figures } = await measure(server.url, engine, {
        pid: server.pid,
        councilCookie,
        writer,
      }).catch((error) => {
        console.error(`the server's last output:\n${server.outputTail()}`);
        throw error;
      });
      return { rows, figures, details };
    } finally {
      await writerHandle?.close();
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

/**
 * A fresh clone's first start after `npm ci`: no build, no compressed-asset cache, no database.
 * `npm start` (which builds with fast compression beside the database's preparation) until /healthz answers.
 */
async function firstStart(): Promise<number> {
  for (const folder of ["build", "public/build", ".cache/compressed-assets"]) rmSync(path.join(ROOT, folder), { recursive: true, force: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "l4a-first-start-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
      SESSION_SECRET,
      NODE_ENV: "development",
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    while (performance.now() - started < 600_000) {
      const answered = await get(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status === 200,
        () => false
      );
      if (answered) return (performance.now() - started) / 1000;
      await sleep(250);
    }
    throw new Error("npm start did not answer /healthz within 10 minutes");
  } finally {
    // npm, tsx and the server: the whole process group this bench started.
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
    await sleep(1000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const firstStartSeconds = args.includes("--first-start") ? await firstStart() : null;
  if (firstStartSeconds !== null) log(`first start: ${firstStartSeconds.toFixed(1)} s`);
  // A full run measures the map page's JavaScript against its budget, which is the production
  // build's (`npm run build`: terser and zopfli; its compressed files are cached by content, so a
  // repeat is quick). `--only` parts need no budget: `npm start`'s fast build when it is stale.
  if (ONLY === undefined) execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  else execSync("npx tsx server/build-when-stale.ts", { cwd: ROOT, stdio: "inherit" });
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const results: Record<string, { rows: Row[]; figures: Figures; details: string }> = {};
  for (const engine of ENGINES) results[engine] = await runEngine(engine);

  const lines: string[] = [];
  lines.push(`## Benchmark: ${HUBS.toLocaleString("en")} synthetic HUBs`, "");
  lines.push(`Machine: ${machine}`);
  for (const engine of ENGINES) lines.push(`${engine}: ${results[engine].details}`);
  if (firstStartSeconds !== null) lines.push(`First start (fresh clone, \`npm start\` to /healthz): ${firstStartSeconds.toFixed(1)} s`);
  lines.push("");
  lines.push(`| figure | ${ENGINES.join(" | ")} | what limits it |`);
  lines.push(`| --- | ${ENGINES.map(() => "---").join(" | ")} | --- |`);
  const first = results[ENGINES[0]].rows;
  first.forEach((row, index) => {
    lines.push(`| ${row.figure} | ${ENGINES.map((engine) => results[engine].rows[index]?.value ?? "").join(" | ")} | ${row.limit} |`);
  });
  console.log(`\n${lines.join("\n")}`);
  if (JSON_FILE) {
    const round = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000);
    const engines = Object.fromEntries(
      ENGINES.map((engine) => [
        engine,
        {
          details: results[engine].details,
          ...Object.fromEntries(
            Object.entries({
              ...results[engine].figures,
              first_start_s: firstStartSeconds,
            }).map(([name, value]) => [name, round(value)])
          ),
        },
      ])
    );
    writeFileSync(JSON_FILE, `${JSON.stringify({ hubs: HUBS, machine, measured_at: new Date().toISOString(), engines }, null, 2)}\n`);
    writeFileSync(JSON_FILE.replace(/\.json$/, "") + ".md", `${lines.join("\n")}\n`);
    log(`\nwrote ${JSON_FILE} and its .md`);
  }
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
