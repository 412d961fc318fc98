/**
 * npm run bench:network [-- --hubs 100000]: the HUB network's queries at scale (issue 16), on
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, is only used
 * to create and drop a database named l4a_bench_network_*): suggested partners for a sample of
 * HUBs, the exchange space's search (threads and posts in the three languages, --threads, default
 * one per five HUBs, about --posts per thread), and the events calendar. Prints p50 and p99 times.
 * --keep leaves the database in place (its name is printed) to read query plans; drop it after.
 */
import { sql } from "kysely";
import postgres from "postgres";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { listCalendarEvents } from "../app/modules/network/events.server";
import { listThreads } from "../app/modules/network/exchange.server";
import { suggestPartners } from "../app/modules/network/suggestions.server";
import { EXCHANGE_SEARCH_WORDS, loadSyntheticExchange, loadSyntheticRegistry } from "./synthetic";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const HUBS = Number(flag("hubs") ?? 100_000);
const SAMPLE = Number(flag("sample") ?? 100);
const THREADS = Number(flag("threads") ?? Math.round(HUBS / 5));
const POSTS_PER_THREAD = Number(flag("posts") ?? 8);
const KEEP = args.includes("--keep");
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function main() {
  const name = `l4a_bench_network_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await prepareDatabase(handle.db);
    await loadSyntheticRegistry(handle.db, { hubs: HUBS, log: (message) => console.log(`  ${message}`) });
    const exchange = await loadSyntheticExchange(handle.db, { threads: THREADS, postsPerThread: POSTS_PER_THREAD, log: (message) => console.log(`  ${message}`) });
    await sql`analyze`.execute(handle.db);
    const ids = (await sql<{ id: number }>`select id from hubs where status in ('recognised', 'completed') order by md5(id::text) limit ${SAMPLE}`.execute(handle.db)).rows.map((row) => row.id);
    // One call of each kind first, unmeasured: the pool's connection and the catalogue caches are cold.
    await suggestPartners(handle.db, { hubId: ids[0], language: "en" });
    await listThreads(handle.db, null, { language: "en", q: "bench" });
    const times: number[] = [];
    let found = 0;
    for (const hubId of ids) {
      const started = performance.now();
      const partners = await suggestPartners(handle.db, { hubId, language: "en" });
      times.push(performance.now() - started);
      found += partners.length;
    }
    console.log(`suggested partners, ${HUBS.toLocaleString("en")} HUBs, ${ids.length} HUBs sampled: p50 ${percentile(times, 0.5).toFixed(0)} ms, p99 ${percentile(times, 0.99).toFixed(0)} ms, ${(found / ids.length).toFixed(1)} partners each`);

    // A member (not the secretariat) searching in each interface language for words of all three.
    const member = { id: 0, email: "bench@bench.invalid", displayName: "Bench", role: "city" as const, organisationId: null, preferredLanguage: "en" as const };
    const searches: number[] = [];
    let threadsFound = 0;
    for (let round = 0; round < 3; round += 1) {
      for (const language of ["en", "es", "fr"] as const) {
        for (const q of Object.values(EXCHANGE_SEARCH_WORDS).flat()) {
          const started = performance.now();
          threadsFound += (await listThreads(handle.db, member, { language, q })).length;
          searches.push(performance.now() - started);
        }
      }
    }
    console.log(`exchange search, ${exchange.threads.toLocaleString("en")} threads, ${exchange.posts.toLocaleString("en")} posts, ${searches.length} searches: p50 ${percentile(searches, 0.5).toFixed(0)} ms, p99 ${percentile(searches, 0.99).toFixed(0)} ms, ${(threadsFound / searches.length).toFixed(1)} threads listed each (at most 100)`);
    const calendar: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      await listCalendarEvents(handle.db, { language: "fr", today: "2026-12-01", filters: { when: "upcoming" } });
      calendar.push(performance.now() - started);
    }
    console.log(`events calendar (all upcoming): p50 ${percentile(calendar, 0.5).toFixed(0)} ms, p99 ${percentile(calendar, 0.99).toFixed(0)} ms`);
  } finally {
    await handle.close();
    if (KEEP) console.log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
