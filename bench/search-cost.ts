/**
 * npx tsx bench/search-cost.ts [--hubs 100000] [--engine postgres|pglite]
 *
 * What cross-language search (search_reference, issue 12) costs: for each word, the first
 * (uncached) search of the word, with the reference names (searchMatches as it is) and without
 * them (the text-only query it replaced, copied here), on N synthetic HUBs. Prints p50 / max per
 * word set and how many HUBs the reference names added.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import postgres from "postgres";
import { openDatabase } from "../db/index";
import { prepareDatabase } from "../db/prepare";
import { searchMatches, searchQuery } from "../app/modules/hubs/hub-search.server";
import { isPublicHubSql } from "../app/modules/hubs/lifecycle.server";
import { loadSyntheticRegistry, SEARCH_WORDS } from "./synthetic";

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const HUBS = Number(flag("hubs") ?? 100_000);
const ENGINE = flag("engine") ?? "postgres";
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// Words of the synthetic HUBs' texts, and words only reference names hold (SDG goals, targets, themes).
const TEXT_WORDS = [...SEARCH_WORDS.en, ...SEARCH_WORDS.es, ...SEARCH_WORDS.fr];
const REFERENCE_WORDS = ["education", "educación", "values", "poverty", "pauvreté", "oceans", "hambre", "gender", "égalité", "biodiversity", "sanitation", "peace", "governance", "culture", "energía"];

async function main() {
  let database: string | undefined;
  let pgliteDir: string | undefined;
  const admin = ENGINE === "postgres" ? postgres(ADMIN_URL, { max: 1, onnotice: () => {} }) : undefined;
  if (admin) {
    const name = `l4a_bench_search_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    database = url.toString();
  } else {
    pgliteDir = mkdtempSync(path.join(os.tmpdir(), "l4a-search-"));
  }
  const handle = await openDatabase(database ? { databaseUrl: database } : { pgliteDataDir: path.join(pgliteDir!, "data") });
  try {
    await prepareDatabase(handle.db);
    await loadSyntheticRegistry(handle.db, { hubs: HUBS, log: () => {} });
    await sql`analyze`.execute(handle.db);
    let version = 1_000_000;
    const time = async (run: () => Promise<number>) => {
      const start = performance.now();
      const count = await run();
      return { ms: performance.now() - start, count };
    };
    const textOnly = async (q: string) =>
      (
        await sql<{ id: number }>`
          select m.hub_id as id from (
            select rs.hub_id, max(ts_rank(rs.document, x.q)) as rank
            from hub_search rs, (select ${searchQuery(q)} as q offset 0) x
            where rs.document @@ x.q group by rs.hub_id
          ) m
          cross join lateral (select h.recognised_at, (select string_agg(g.goal::text, ',') from hub_goals g where g.hub_id = h.id) as goals from hubs h where h.id = m.hub_id and ${isPublicHubSql()} offset 0) h
          order by m.rank desc, h.recognised_at desc, m.hub_id desc`.execute(handle.db)
      ).rows.length;
    console.log(`${ENGINE}, ${HUBS.toLocaleString("en")} synthetic HUBs; first search of each word (nothing cached)`);
    for (const [label, words] of [["words of the HUBs' texts", TEXT_WORDS], ["words only in reference names", REFERENCE_WORDS]] as const) {
      const before: number[] = [];
      const after: number[] = [];
      let added = 0;
      for (const word of words) {
        const old = await time(() => textOnly(word));
        // A new version each time: nothing of an earlier search is reused.
        const now = await time(async () => (await searchMatches(handle.db, word, version++)).ids.length);
        before.push(old.ms);
        after.push(now.ms);
        added += now.count - old.count;
      }
      const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
      const max = (values: number[]) => Math.max(...values).toFixed(1);
      console.log(`  ${label} (${words.length}): text only p50 ${p50(before)} ms, max ${max(before)} ms | with reference names p50 ${p50(after)} ms, max ${max(after)} ms | HUBs added per word: ${Math.round(added / words.length)}`);
    }
  } finally {
    await handle.close();
    if (admin && database) {
      await admin.unsafe(`drop database if exists ${new URL(database).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
