import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchedThrough, RANKED_HEAD, rankedMatchIds, searchMatches, searchQuery } from "~/modules/hubs/hub-search.server";
import { listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from "../support/database";
import { insertHub } from "../support/public-hubs";

/**
 * A search reads rows kept by triggers: the search rows of a HUB's texts carry whether it is public,
 * when it was recognised and its goals (hub_search, migration 120), and one narrow row per HUB says
 * the same and which reference data it is filed under (hub_search_filing, migration 200, with one
 * posting per reference name in hub_search_filing_postings, migration 260). Every
 * write that changes those must reach both, and a search must answer exactly what the same search
 * computed from hubs, hub_goals, hub_targets and the texts gives.
 */
const TODAY = "2026-11-22";
let database: TestDatabase;
let hub: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
  hub = await database.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
});
afterAll(() => database?.destroy());

/** Every search row's and every HUB's filing row's columns equal what hubs, hub_goals and hub_targets say now. */
async function expectRowsCurrent() {
  const { rows: stale } = await sql<{ hub_id: number }>`
    select s.hub_id from hub_search s join hubs h on h.id = s.hub_id
    where s.is_public is distinct from (h.status in ('recognised', 'completed'))
       or s.recognised_at is distinct from h.recognised_at
       or s.goals is distinct from (select string_agg(g.goal::text, ',' order by g.goal) from hub_goals g where g.hub_id = h.id)`.execute(database.db);
  expect(stale).toEqual([]);
  const { rows } = await sql<{ hub_id: number | null; id: number | null }>`
    select f.hub_id, h.id from hubs h full join hub_search_filing f on f.hub_id = h.id
    where f.hub_id is null or h.id is null
       or f.is_public is distinct from (h.status in ('recognised', 'completed'))
       or f.recognised_at is distinct from h.recognised_at
       or f.goals is distinct from (select string_agg(g.goal::text, ',' order by g.goal) from hub_goals g where g.hub_id = h.id)
       or (select coalesce(array_agg(r order by r), '{}') from unnest(f.refs) r) is distinct from (
         select coalesce(array_agg(r order by r), '{}') from (
           select 'goal:' || g.goal as r from hub_goals g where g.hub_id = h.id
           union all select 'target:' || t.target_id from hub_targets t where t.hub_id = h.id
           union all select 'theme:' || h.theme_id where h.theme_id is not null
           union all select 'council:' || c.council_id from hub_policy_councils c where c.hub_id = h.id) filed)`.execute(database.db);
  expect(rows).toEqual([]);
  // The postings (migration 270): one row per lexeme and public HUB, with its rank in each language's
  // search row (0 where that text lacks it), no more, no fewer.
  const { rows: postings } = await sql<{ lexeme: string }>`
    with expected as (
      select l.lexeme, s.hub_id,
        coalesce(max(ts_rank(s.document, quote_literal(l.lexeme)::tsquery)) filter (where s.language = 'en'), 0) as score_en,
        coalesce(max(ts_rank(s.document, quote_literal(l.lexeme)::tsquery)) filter (where s.language = 'es'), 0) as score_es,
        coalesce(max(ts_rank(s.document, quote_literal(l.lexeme)::tsquery)) filter (where s.language = 'fr'), 0) as score_fr,
        max(s.recognised_at) as recognised_at, max(s.goals) as goals
      from hub_search s, unnest(s.document) l where s.is_public and l.lexeme !~ '[''\\\\]'
      group by l.lexeme, s.hub_id),
    actual as (select lexeme, hub_id, score_en, score_es, score_fr, recognised_at, goals from hub_lexeme_postings)
    (select * from expected except all select * from actual) union all (select * from actual except all select * from expected)`.execute(database.db);
  expect(postings).toEqual([]);
  // The filing postings (migration 260): one row per reference name of every filing row.
  const { rows: filingPostings } = await sql<{ ref: string }>`
    with expected as (select r.ref, f.hub_id, f.is_public, f.recognised_at, f.goals from hub_search_filing f, unnest(f.refs) r(ref)),
    actual as (select ref, hub_id, is_public, recognised_at, goals from hub_search_filing_postings)
    (select * from expected except all select * from actual) union all (select * from actual except all select * from expected)`.execute(database.db);
  expect(filingPostings).toEqual([]);
}

/**
 * The search as it was computed before migration 200, from the base tables: text matches ranked first
 * (ties: newest recognition, then id), then HUBs found only through reference names, with what matched.
 */
async function searchFromBaseTables(q: string) {
  const { rows } = await sql<{ id: number; through: string | null }>`
    with x as materialized (select ${searchQuery(q)} as q),
    refs as (select distinct r.kind, r.ref from search_reference r, x where r.document @@ x.q),
    candidates as (
      select rs.hub_id, ts_rank(rs.document, x.q) as rank, null::text as through from hub_search rs, x where rs.document @@ x.q
      union all select g.hub_id, -1, 'goal:' || g.goal from hub_goals g where g.goal in (select ref::int from refs where kind = 'goal')
      union all select t.hub_id, -1, 'target:' || t.target_id from hub_targets t where t.target_id in (select ref from refs where kind = 'target')
      union all select th.id, -1, 'theme:' || th.theme_id from hubs th where th.theme_id in (select ref::int from refs where kind = 'theme')
      union all select pc.hub_id, -1, 'council:' || pc.council_id from hub_policy_councils pc where pc.council_id in (select ref::int from refs where kind = 'council')
    )
    select c.hub_id as id, case when bool_or(c.through is null) then null else string_agg(distinct c.through, ',') end as through
    from candidates c join hubs h on h.id = c.hub_id
    where h.status in ('recognised', 'completed')
    group by c.hub_id, h.recognised_at
    order by max(c.rank) desc, h.recognised_at desc, c.hub_id desc`.execute(database.db);
  const goals = rows.length
    ? await database.db.selectFrom("hub_goals").select(["goal", (eb) => eb.fn.countAll<number>().as("n")]).where("hub_id", "in", rows.map((row) => row.id)).groupBy("goal").execute()
    : [];
  const goalCounts: Record<number, number> = {};
  for (let goal = 1; goal <= 17; goal++) goalCounts[goal] = 0;
  for (const row of goals) goalCounts[row.goal] = Number(row.n);
  const through: Record<number, string[]> = {};
  for (const row of rows) if (row.through) through[row.id] = row.through.split(",").sort();
  return { ids: rows.map((row) => row.id), goalCounts, through };
}

let version = 1_000_000;
async function searchNow(q: string) {
  // A version of its own: nothing cached from an earlier search in this file.
  const searchVersion = version++;
  const matches = await searchMatches(database.db, q, searchVersion);
  const ranked = await rankedMatchIds(database.db, q, searchVersion);
  // The matches are the ranked list as a set, those through reference names alone at the same
  // place, and the head is the order's beginning.
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
  expect(sorted(matches.ids)).toEqual(sorted(ranked));
  expect(sorted(matches.ids.slice(matches.referenceOnlyFrom))).toEqual(sorted(ranked.slice(matches.referenceOnlyFrom)));
  expect(matches.head).toEqual(ranked.slice(0, RANKED_HEAD));
  const through: Record<number, string[]> = {};
  for (const [id, matched] of Object.entries(await matchedThrough(database.db, matches, matches.ids))) through[Number(id)] = matched.map((m) => `${m.kind}:${m.ref}`).sort();
  return { ids: ranked, goalCounts: matches.goalCounts, through };
}

describe("the search row", () => {
  it("is filled for every HUB, the seeded ones included", async () => {
    expect(Number((await database.db.selectFrom("hub_search_filing").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBeGreaterThan(20);
    await expectRowsCurrent();
  });

  it("gives exactly the results, order, SDG counts and matched names of the search computed from the base tables", async () => {
    // Words of the demo HUBs' texts (the most frequent lexemes) and words of the reference names only.
    const { rows: frequent } = await sql<{ word: string }>`select word from ts_stat('select document from hub_search') order by ndoc desc, word limit 25`.execute(database.db);
    // Several words, a phrase and a minus are answered from the documents, one word from its postings.
    const words = [...frequent.map((row) => row.word), "education", "educación", "values", "water", "energy", "cities", "ciudades", "pauvreté", "zzyzxquux"];
    words.push("cycle network", '"bus rapid"', "water -energy", "agua or energía", "the", "l'eau");
    let withReferenceOnly = 0;
    for (const word of words) {
      const expected = await searchFromBaseTables(word);
      expect(await searchNow(word), word).toEqual(expected);
      if (Object.keys(expected.through).length > 0 && expected.ids.length > Object.keys(expected.through).length) withReferenceOnly++;
    }
    // The comparison covered searches that mix both kinds of match.
    expect(withReferenceOnly).toBeGreaterThan(2);
  });

  it("orders only the head on a first search; the list's later pages follow the whole order", async () => {
    // More matches than the head, with ranks that differ (the word once or three times) and tie on recognition.
    const count = RANKED_HEAD + 30;
    for (let index = 0; index < count; index++) {
      const title = index % 3 === 0 ? "Quokkaland quokkaland quokkaland" : `Harbour ${index}`;
      await insertHub(database, `quokka-${index}`, { title, summary: index % 2 === 0 ? "Quokkaland gardens." : "Gardens by the quokkaland shore." });
    }
    const found = await searchNow("quokkaland");
    expect(found.ids).toHaveLength(count);
    expect(found).toEqual(await searchFromBaseTables("quokkaland"));
    const filters = { q: "quokkaland" };
    const pages = [];
    for (let page = 1; page <= Math.ceil(count / 20); page++) {
      const listed = await listPublicHubs(database.db, { language: "en", today: TODAY, filters, page, pageSize: 20 });
      expect(listed.total).toBe(count);
      pages.push(...listed.hubs.map((listedHub) => listedHub.slug));
    }
    const slugs = new Map((await database.db.selectFrom("hubs").select(["id", "slug"]).execute()).map((row) => [row.id, row.slug]));
    expect(pages).toEqual(found.ids.map((id) => slugs.get(id)));
    // With another filter the list follows the same order.
    const withYear = await listPublicHubs(database.db, { language: "en", today: TODAY, filters: { q: "quokkaland", year: 2026 }, page: 6, pageSize: 20 });
    expect(withYear.hubs.map((listedHub) => listedHub.slug)).toEqual(pages.slice(100, 120));
    await database.db.deleteFrom("hubs").where("slug", "like", "quokka-%").execute();
  });

  it("a HUB whose own texts match and whose goal's name matches too is a text match, listed once and not labelled", async () => {
    await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 6, is_primary: false }).execute();
    await database.db.updateTable("hub_translations").set({ summary: "Clean water for every cyclist" }).where("hub_id", "=", hub.id).where("language", "=", "en").execute();
    const found = await searchNow("water");
    expect(found.ids.filter((id) => id === hub.id)).toHaveLength(1);
    expect(found.through[hub.id]).toBeUndefined();
    expect(found).toEqual(await searchFromBaseTables("water"));
    await database.db.deleteFrom("hub_goals").where("hub_id", "=", hub.id).where("goal", "=", 6).execute();
  });

  it("follows a HUB's status, its recognition date, its goals, targets and theme", async () => {
    const word = "ciclorrutas";
    expect((await searchNow(word)).ids).toContain(hub.id);

    await database.db.updateTable("hubs").set({ status: "withdrawn" }).where("id", "=", hub.id).execute();
    await expectRowsCurrent();
    expect((await searchNow(word)).ids).not.toContain(hub.id);

    await database.db.updateTable("hubs").set({ status: "recognised", recognised_at: new Date("2020-01-01T00:00:00Z") }).where("id", "=", hub.id).execute();
    await expectRowsCurrent();
    expect((await searchNow(word)).ids).toContain(hub.id);

    const before = (await searchNow(word)).goalCounts[14];
    await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 14, is_primary: false }).execute();
    await expectRowsCurrent();
    expect((await searchNow(word)).goalCounts[14]).toBe(before + 1);
    await database.db.deleteFrom("hub_goals").where("hub_id", "=", hub.id).where("goal", "=", 14).execute();
    await expectRowsCurrent();
    expect((await searchNow(word)).goalCounts[14]).toBe(before);

    // Target 15.9's name says "biodiversity values": filed under it, the HUB is found through it, and no longer once unfiled.
    await database.db.insertInto("hub_targets").values({ hub_id: hub.id, target_id: "15.9" }).execute();
    await expectRowsCurrent();
    expect((await searchNow("values")).through[hub.id]).toEqual(["target:15.9"]);
    await database.db.deleteFrom("hub_targets").where("hub_id", "=", hub.id).where("target_id", "=", "15.9").execute();
    await expectRowsCurrent();
    expect((await searchNow("values")).ids).not.toContain(hub.id);

    const theme = await database.db
      .insertInto("themes")
      .values({ slug: "search-row-theme", name_en: "Quokka husbandry", name_es: "Cría de quokkas", name_fr: "Élevage de quokkas", position: 99 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db.updateTable("hubs").set({ theme_id: theme.id }).where("id", "=", hub.id).execute();
    await expectRowsCurrent();
    expect((await searchNow("quokka")).through[hub.id]).toEqual([`theme:${theme.id}`]);
  });

  it("has a row for a new HUB, and none once the HUB is deleted", async () => {
    const created = await insertHub(database, "search-row-new", { language: "en", title: "Quolls of the valley", goal: 15 });
    await expectRowsCurrent();
    expect((await searchNow("quolls")).ids).toEqual([created]);
    await database.db.deleteFrom("hubs").where("id", "=", created).execute();
    await expectRowsCurrent();
    expect((await searchNow("quolls")).ids).toEqual([]);
  });

  it("lists a HUB filed under two matching names once, counts its goals once, and keeps a HUB without goals", async () => {
    const names = { name_en: "Numbat husbandry", name_es: "Cría de numbats", name_fr: "Élevage de numbats" };
    const theme = await database.db.insertInto("themes").values({ slug: "numbat-theme", position: 98, ...names }).returning("id").executeTakeFirstOrThrow();
    const council = await database.db.insertInto("policy_councils").values({ slug: "numbat-council", position: 98, ...names, updated_at: new Date() }).returning("id").executeTakeFirstOrThrow();
    const textMatch = await insertHub(database, "filed-twice-text", { title: "Numbat corridors", goal: 15 });
    const filed = await insertHub(database, "filed-twice", { goal: 14 });
    await database.db.insertInto("hub_goals").values({ hub_id: filed, goal: 6, is_primary: false }).execute();
    const withoutGoals = await insertHub(database, "filed-twice-without-goals", { goal: 11 });
    await database.db.deleteFrom("hub_goals").where("hub_id", "=", withoutGoals).execute();
    // Each HUB under both names, the text match too; the HUB without goals between the others in each name's postings.
    // (Their titles are "Title of" their slugs: only the first says "numbat".)
    for (const hubId of [filed, withoutGoals, textMatch]) {
      await database.db.updateTable("hubs").set({ theme_id: theme.id }).where("id", "=", hubId).execute();
      await database.db.insertInto("hub_policy_councils").values({ hub_id: hubId, council_id: council.id }).execute();
    }
    const later = await insertHub(database, "filed-twice-later", { goal: 3 });
    await database.db.updateTable("hubs").set({ theme_id: theme.id }).where("id", "=", later).execute();
    await database.db.insertInto("hub_policy_councils").values({ hub_id: later, council_id: council.id }).execute();
    await expectRowsCurrent();

    const found = await searchNow("numbat");
    expect(found.ids[0]).toBe(textMatch);
    expect([...found.ids].sort((a, b) => a - b)).toEqual([textMatch, filed, withoutGoals, later].sort((a, b) => a - b));
    expect(found.through[filed]).toEqual([`council:${council.id}`, `theme:${theme.id}`]);
    expect(found.through[withoutGoals]).toEqual([`council:${council.id}`, `theme:${theme.id}`]);
    expect(found.through[textMatch]).toBeUndefined();
    expect(found.goalCounts).toMatchObject({ 3: 1, 6: 1, 11: 0, 14: 1, 15: 1 });
    expect(found).toEqual(await searchFromBaseTables("numbat"));
    await database.db.deleteFrom("hubs").where("slug", "like", "filed-twice%").execute();
  });

  it("follows a new translation (a new text row is searched at once)", async () => {
    await database.db.insertInto("hub_translations").values({ hub_id: hub.id, language: "fr", title: "Réseau cyclable", summary: "Pistes", updated_at: new Date() }).onConflict((oc) => oc.columns(["hub_id", "language"]).doUpdateSet({ title: "Réseau cyclable" })).execute();
    expect((await searchNow("cyclable")).ids).toContain(hub.id);
    await expectRowsCurrent();
  });

  it("keeps one posting per lexeme and HUB, with its rank in each language; a word found as several lexemes is answered from the documents", async () => {
    // "potoroos" is 'potoroo' in English, 'potoro' in Spanish and 'potoroos' in French; "wombats" is 'wombat' in English and French.
    const english = await insertHub(database, "lexeme-english", { language: "en", title: "Potoroos and wombats of the ridge" });
    const spanish = await insertHub(database, "lexeme-spanish", { language: "es", title: "Los potoroos del bosque" });
    const both = await insertHub(database, "lexeme-both", { language: "en", title: "Wombats crossing", summary: "Potoroos too." });
    await database.db.insertInto("hub_translations").values({ hub_id: both, language: "fr", title: "Les wombats", summary: "Potoroos aussi.", updated_at: new Date() }).execute();
    await expectRowsCurrent();
    const ranks = async (hubId: number, lexeme: string) =>
      (await sql<{ en: boolean; es: boolean; fr: boolean }>`select score_en > 0 as en, score_es > 0 as es, score_fr > 0 as fr from hub_lexeme_postings where hub_id = ${hubId} and lexeme = ${lexeme}`.execute(database.db)).rows;
    expect(await ranks(both, "wombat")).toEqual([{ en: true, es: false, fr: true }]);
    // All three of the word's lexemes are found (the documents answer); "wombats" is found as one (its postings answer).
    const { rows: found } = await sql<{ n: number }>`select count(distinct lexeme)::int as n from hub_lexeme_postings where lexeme in ('potoroo', 'potoro', 'potoroos')`.execute(database.db);
    expect(found[0].n).toBe(3);
    for (const word of ["potoroos", "wombats", "potoroo", "wombat"]) expect(await searchNow(word), word).toEqual(await searchFromBaseTables(word));
    expect((await searchNow("potoroos")).ids).toEqual(expect.arrayContaining([english, spanish, both]));

    // A text that no longer has a word clears that language's rank; a HUB none of whose texts has it has no posting of it.
    await database.db.updateTable("hub_translations").set({ title: "Les marsupiaux", summary: "Aussi." }).where("hub_id", "=", both).where("language", "=", "fr").execute();
    await expectRowsCurrent();
    expect(await ranks(both, "wombat")).toEqual([{ en: true, es: false, fr: false }]);
    expect(await ranks(both, "potoroos")).toEqual([]);
    await database.db.updateTable("hub_translations").set({ title: "Los marsupiales del bosque" }).where("hub_id", "=", spanish).execute();
    await expectRowsCurrent();
    expect(await ranks(spanish, "potoro")).toEqual([]);
    expect(await searchNow("potoroos")).toEqual(await searchFromBaseTables("potoroos"));
    expect((await searchNow("potoroos")).ids).not.toContain(spanish);

    // A HUB that stops being public has no postings; public again, it has them all.
    await database.db.updateTable("hubs").set({ status: "withdrawn" }).where("id", "=", english).execute();
    await expectRowsCurrent();
    expect(await ranks(english, "potoroo")).toEqual([]);
    await database.db.updateTable("hubs").set({ status: "recognised" }).where("id", "=", english).execute();
    await expectRowsCurrent();
    expect(await ranks(english, "potoroo")).toEqual([{ en: true, es: false, fr: false }]);
    await database.db.deleteFrom("hubs").where("id", "in", [english, spanish, both]).execute();
    await expectRowsCurrent();
  });

  it("answers one word from its postings and several words from the documents", async () => {
    // Another HUB has the word too, so it is still found as one lexeme. Without its postings, the HUB
    // is no longer found by one word of its texts, still by two.
    const word = "ciclorrutas";
    const other = await insertHub(database, "search-row-other-ciclorrutas", { language: "es", title: "Ciclorrutas del valle" });
    expect((await searchNow(word)).ids).toEqual(expect.arrayContaining([hub.id, other]));
    await sql`delete from hub_lexeme_postings where hub_id = ${hub.id}`.execute(database.db);
    expect((await searchNow(word)).ids).not.toContain(hub.id);
    expect((await searchNow(word)).ids).toContain(other);
    expect((await searchNow(`${word} bogota`)).ids).toContain(hub.id);
    // Any write of its search rows writes them again.
    await sql`update hub_search set document = document where hub_id = ${hub.id}`.execute(database.db);
    expect((await searchNow(word)).ids).toContain(hub.id);
    await expectRowsCurrent();
    await database.db.deleteFrom("hubs").where("id", "=", other).execute();
  });

});

describe.runIf(testDatabaseUrl)("the lexeme postings under concurrent writes (PostgreSQL)", () => {
  it("keeps both languages' ranks when two transactions write two languages of one HUB at once", async () => {
    const shared = await insertHub(database, "lexeme-concurrent", { language: "en", title: "Quiet ridge" });
    await database.db.insertInto("hub_translations").values({ hub_id: shared, language: "fr", title: "Crête tranquille", summary: "Rien.", updated_at: new Date() }).execute();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first writes the English text and holds its transaction open; the second writes the French
    // one, and its posting of the same lexeme waits for the first's.
    const first = database.db.transaction().execute(async (trx) => {
      await trx.updateTable("hub_translations").set({ title: "Wombats of the ridge" }).where("hub_id", "=", shared).where("language", "=", "en").execute();
      firstWrote();
      await firstMayCommit;
    });
    await firstHasWritten;
    const second = database.db.updateTable("hub_translations").set({ title: "Les wombats de la crête" }).where("hub_id", "=", shared).where("language", "=", "fr").execute();
    await waitFor(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`.execute(database.db)).rows[0].n > 0);
    releaseFirst();
    await Promise.all([first, second]);
    await expectRowsCurrent();
    const { rows } = await sql<{ en: boolean; fr: boolean }>`select score_en > 0 as en, score_fr > 0 as fr from hub_lexeme_postings where hub_id = ${shared} and lexeme = 'wombat'`.execute(database.db);
    expect(rows).toEqual([{ en: true, fr: true }]);
    await database.db.deleteFrom("hubs").where("id", "=", shared).execute();
  });
});

async function waitFor(condition: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the condition did not hold within 5 s");
}
