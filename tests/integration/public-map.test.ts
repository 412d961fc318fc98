import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HubFilters } from "~/modules/hubs/hub-filters";
import { countHubsBySdg, listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { getMapData } from "~/modules/map/clusters.server";
import { loader as mapLoader } from "~/routes/api.map";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as homeLoader } from "~/routes/$lang._index";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { allSlugs, insertHub } from "../support/public-hubs";

let database: TestDatabase;
// The demo data is seeded for the same day the tests read it on.
const TODAY = "2026-11-22";

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
});
afterAll(async () => {
  await database?.destroy();
});

describe("filters", () => {
  it("lists the 40 demo HUBs, one page at a time", async () => {
    const first = await listPublicHubs(database.db, { language: "en", today: TODAY, filters: {}, page: 1, pageSize: 15 });
    const third = await listPublicHubs(database.db, { language: "en", today: TODAY, filters: {}, page: 3, pageSize: 15 });
    expect(first.total).toBe(40);
    expect(first.pageCount).toBe(3);
    expect(first.hubs).toHaveLength(15);
    expect(third.hubs).toHaveLength(10);
    expect(new Set([...first.hubs, ...third.hubs].map((hub) => hub.slug)).size).toBe(25);
  });

  it("filters by SDG goal, target, theme, region, country and start year", async () => {
    const sdg = await allSlugs(database, TODAY, { sdg: "6" });
    const withGoal6 = await database.db.selectFrom("hub_goals").select("hub_id").where("goal", "=", 6).execute();
    expect(sdg.total).toBe(withGoal6.length);
    expect(sdg.total).toBeGreaterThan(0);
    expect(sdg.total).toBeLessThan(40);

    expect((await allSlugs(database, TODAY, { target: "11.2" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs(database, TODAY, { target: "11.2" })).slugs).not.toContain("barcelona-climate-shelters");

    const mobility = await allSlugs(database, TODAY, { theme: "mobility" });
    expect(mobility.slugs).toContain("bogota-cycle-network");
    expect(mobility.total).toBeLessThan(40);

    const latinAmerica = await allSlugs(database, TODAY, { region: "latin_america" });
    expect(latinAmerica.slugs).toContain("bogota-cycle-network");
    expect(latinAmerica.slugs).not.toContain("barcelona-climate-shelters");

    const colombia = await allSlugs(database, TODAY, { country: "co" });
    expect(colombia.slugs).toEqual(expect.arrayContaining(["bogota-cycle-network", "medellin-green-corridors"]));
    expect(colombia.slugs).not.toContain("quito-localising-sdgs");

    const bogota = await database.db.selectFrom("hubs").select("start_date").where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
    const year = bogota.start_date.slice(0, 4);
    const byYear = await allSlugs(database, TODAY, { year });
    expect(byYear.slugs).toContain("bogota-cycle-network");
    const expected = await database.db.selectFrom("hubs").select("id").where("start_date", ">=", `${year}-01-01`).where("start_date", "<=", `${year}-12-31`).execute();
    expect(byYear.total).toBe(expected.length);
  });

  it("combines filters (all must hold) and ignores values that cannot be right", async () => {
    const both = await allSlugs(database, TODAY, { region: "latin_america", sdg: "11" });
    const region = await allSlugs(database, TODAY, { region: "latin_america" });
    const goal = await allSlugs(database, TODAY, { sdg: "11" });
    expect(both.slugs.every((slug) => region.slugs.includes(slug) && goal.slugs.includes(slug))).toBe(true);
    expect(both.total).toBeLessThan(region.total);
    expect((await allSlugs(database, TODAY, { sdg: "99", region: "mars", country: "Colombia", year: "abc", status: "draft" })).total).toBe(40);
  });

  it("filters by public status: recognised (not started), active (started), ended (final report due) and completed", async () => {
    await insertHub(database, "status-future", { startDate: "2030-01-01" });
    await insertHub(database, "status-completed", { status: "completed" });
    const recognised = await allSlugs(database, TODAY, { status: "recognised" });
    const active = await allSlugs(database, TODAY, { status: "active" });
    const ended = await allSlugs(database, TODAY, { status: "ended" });
    const completed = await allSlugs(database, TODAY, { status: "completed" });
    expect(recognised.slugs).toContain("status-future");
    expect(active.slugs).not.toContain("status-future");
    const storedCompleted = await database.db.selectFrom("hubs").select("slug").where("status", "=", "completed").execute();
    expect(completed.slugs.sort()).toEqual(storedCompleted.map((row) => row.slug).sort());
    expect(completed.slugs).toContain("status-completed");
    expect(active.slugs).not.toContain("status-completed");
    const all = await allSlugs(database, TODAY, {});
    expect(recognised.total + active.total + ended.total + completed.total).toBe(all.total);
  });

  it("limits the list to a box on the map, also across the antimeridian", async () => {
    const europe = await allSlugs(database, TODAY, { bbox: "-10,35,30,60" });
    expect(europe.slugs).toContain("barcelona-climate-shelters");
    expect(europe.slugs).not.toContain("bogota-cycle-network");
    const pacific = await allSlugs(database, TODAY, { bbox: "170,-60,-60,15" });
    expect(pacific.slugs).toContain("bogota-cycle-network");
    expect(pacific.slugs).not.toContain("barcelona-climate-shelters");
  });

  it("never lists drafts, submissions or declined HUBs, and their pages are 404", async () => {
    for (const status of ["draft", "submitted", "changes_requested", "declined", "withdrawn"]) await insertHub(database, `hidden-${status}`, { status });
    const all = await allSlugs(database, TODAY, {});
    expect(all.slugs.some((slug) => slug.startsWith("hidden-"))).toBe(false);
    expect(await getPublicHub(database.db, { slug: "hidden-draft", language: "en", today: TODAY })).toBeNull();
    const page = await callRoute(hubPageLoader, database, { path: "http://localhost/en/hubs/hidden-draft", params: { lang: "en", slug: "hidden-draft" } });
    expect(page.status).toBe(404);
    const api = await callRoute(hubJsonLoader, database, { path: "http://localhost/api/hubs/hidden-submitted.json", params: { file: "hidden-submitted.json" } });
    expect(api.status).toBe(404);
  });

  it("counts the HUBs of each SDG under the other filters", async () => {
    const counts = await countHubsBySdg(database.db, { today: TODAY, filters: { region: "europe" } });
    const expected = await sql<{ goal: number; n: number }>`
      select g.goal, count(*)::int as n from hub_goals g join hubs h on h.id = g.hub_id join organisations o on o.id = h.lead_organisation_id
      where h.status in ('recognised', 'completed') and o.region = 'europe' group by g.goal`.execute(database.db);
    for (const row of expected.rows) expect(counts[row.goal]).toBe(row.n);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(expected.rows.reduce((a, row) => a + row.n, 0));
    // The SDG filter itself does not narrow its own counts.
    expect(await countHubsBySdg(database.db, { today: TODAY, filters: { region: "europe", sdg: 3 } })).toEqual(counts);
  });

  it("sees a newly recognised HUB at once (the caches follow the data version)", async () => {
    const before = await allSlugs(database, TODAY, { sdg: "14" });
    await insertHub(database, "cache-check", { goal: 14 });
    const after = await allSlugs(database, TODAY, { sdg: "14" });
    expect(after.total).toBe(before.total + 1);
    expect(after.slugs).toContain("cache-check");
  });
});


describe("search", () => {
  it("finds a HUB by a word of its Spanish text from the French interface, accents ignored, ranked first", async () => {
    const result = await allSlugs(database, TODAY, { q: "biciparqueaderos" }, "fr");
    expect(result.slugs[0]).toBe("bogota-cycle-network");
    const page = await listPublicHubs(database.db, { language: "fr", today: TODAY, filters: { q: "ciclorrutas" } });
    expect(page.hubs[0].slug).toBe("bogota-cycle-network");
    expect(page.hubs[0].title).toMatch(/pistes cyclables/);
    // "Bolívar" written without its accent.
    expect((await allSlugs(database, TODAY, { q: "bolivar" })).slugs).toContain("bogota-cycle-network");
  });

  it("matches stemmed forms in each language and finds nothing for a word no HUB uses", async () => {
    expect((await allSlugs(database, TODAY, { q: "cyclists" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs(database, TODAY, { q: "cycliste" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs(database, TODAY, { q: "zzyzxquux" })).total).toBe(0);
  });

  it("keeps the index right when texts change or disappear", async () => {
    const hubId = await insertHub(database, "search-edit", { title: "Mangroves nursery" });
    expect((await allSlugs(database, TODAY, { q: "mangroves" })).slugs).toContain("search-edit");
    await database.db.updateTable("hub_translations").set({ title: "Coral reef nursery" }).where("hub_id", "=", hubId).execute();
    expect((await allSlugs(database, TODAY, { q: "mangroves" })).slugs).not.toContain("search-edit");
    expect((await allSlugs(database, TODAY, { q: "coral" })).slugs).toContain("search-edit");
    await database.db
      .insertInto("hub_translations")
      .values({ hub_id: hubId, language: "es", title: "Vivero de arrecifes de coral", summary: "Resumen", updated_at: new Date() })
      .execute();
    expect((await allSlugs(database, TODAY, { q: "arrecifes" })).slugs).toContain("search-edit");
    await database.db.deleteFrom("hub_translations").where("hub_id", "=", hubId).where("language", "=", "es").execute();
    expect((await allSlugs(database, TODAY, { q: "arrecifes" })).slugs).not.toContain("search-edit");
  });

  it("counts a search's HUBs and their SDGs like the SQL over the same HUBs, with or without other filters, drafts left out", async () => {
    await insertHub(database, "search-count-a", { summary: "Rooftop beehives for pollinators", goal: 15 });
    const twoGoals = await insertHub(database, "search-count-b", { summary: "Beehives on school roofs", goal: 4 });
    await database.db.insertInto("hub_goals").values({ hub_id: twoGoals, goal: 15, is_primary: false }).execute();
    await insertHub(database, "search-count-draft", { summary: "Beehives in a draft", goal: 15, status: "draft" });
    const expected = async (extra: ReturnType<typeof sql> = sql`true`) => {
      const { rows } = await sql<{ goal: number; n: number }>`
        select g.goal, count(*)::int as n from hub_goals g join hubs h on h.id = g.hub_id join organisations o on o.id = h.lead_organisation_id
        where h.status in ('recognised', 'completed') and h.slug like 'search-count-%' and ${extra} group by g.goal`.execute(database.db);
      return Object.fromEntries(rows.map((row) => [row.goal, row.n]));
    };
    const counts = await countHubsBySdg(database.db, { today: TODAY, filters: { q: "beehives" } });
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual(await expected());
    expect(counts[15]).toBe(2);
    const found = await listPublicHubs(database.db, { language: "en", today: TODAY, filters: { q: "beehives" } });
    expect(found.total).toBe(2);
    expect(found.hubs.map((hub) => hub.slug).sort()).toEqual(["search-count-a", "search-count-b"]);
    // With another filter the same matches go through SQL: the same answers.
    const withGoal = await listPublicHubs(database.db, { language: "en", today: TODAY, filters: { q: "beehives", sdg: 4 } });
    expect(withGoal.hubs.map((hub) => hub.slug)).toEqual(["search-count-b"]);
    expect(withGoal.total).toBe(1);
    // The map shows the same HUBs, with and without the other filter, and sends no internal id.
    const mapSlugs = async (filters: HubFilters) => {
      const data = await getMapData(database.db, { filters, bbox: [-180, -85, 180, 85], zoom: 18, language: "en", today: TODAY });
      // The test HUBs share one point: at the last zoom they are one cluster that lists them.
      const hubs = data.items.flatMap((item) => (item.kind === "hub" ? [item] : (item.hubs ?? [])));
      expect(hubs.every((hub) => !("id" in hub))).toBe(true);
      return hubs.map((hub) => hub.slug).sort();
    };
    expect(await mapSlugs({ q: "beehives" })).toEqual(["search-count-a", "search-count-b"]);
    expect(await mapSlugs({ q: "beehives", sdg: 4 })).toEqual(["search-count-b"]);
    const country = (await database.db.selectFrom("organisations").select("country_code").orderBy("id").executeTakeFirstOrThrow()).country_code.trim();
    expect(await countHubsBySdg(database.db, { today: TODAY, filters: { q: "beehives", country, sdg: 4 } })).toEqual(counts);
    // Page after page, in rank order, no HUB twice.
    const pages = await Promise.all([1, 2].map((page) => listPublicHubs(database.db, { language: "en", today: TODAY, filters: { q: "beehives" }, page, pageSize: 1 })));
    expect(pages.map((page) => page.hubs[0].slug).sort()).toEqual(["search-count-a", "search-count-b"]);
    expect(pages[0].pageCount).toBe(2);
  });

  it("shows the matching HUBs on the map too", async () => {
    const data = await getMapData(database.db, { filters: { q: "ciclorrutas" }, bbox: [-180, -85, 180, 85], zoom: 2, language: "es", today: TODAY });
    expect(data.total).toBe(1);
    expect(data.items).toEqual([expect.objectContaining({ kind: "hub", slug: "bogota-cycle-network", title: expect.stringMatching(/ciclorrutas/) })]);
  });
});


describe("map data", () => {
  it("clusters at world zoom, every HUB counted once, and splits at street zoom", async () => {
    const response = await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=1&lang=en" });
    const data = await response.json();
    const counted = data.items.reduce((sum: number, item: { kind: string; count?: number }) => sum + (item.kind === "cluster" ? item.count! : 1), 0);
    expect(counted).toBe(data.total);
    expect(data.items.some((item: { kind: string }) => item.kind === "cluster")).toBe(true);
    expect(data.items.length).toBeLessThan(data.total);
    const close = await (await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-74.3,4.4,-73.9,4.9&zoom=14&lang=es" })).json();
    expect(close.items.map((item: { slug?: string }) => item.slug)).toContain("bogota-cycle-network");
    expect(close.items.every((item: { kind: string }) => item.kind === "hub")).toBe(true);
  });

  it("keeps HUBs at one point one target at every zoom, listing its HUBs, and never two HUBs on one spot", async () => {
    await insertHub(database, "same-point-a", { summary: "Seed library at the market hall", goal: 2 });
    await insertHub(database, "same-point-b", { summary: "Seed library on the river quay", goal: 2 });
    for (const zoom of [1, 9, 18]) {
      const data = await (await callRoute(mapLoader, database, { path: `http://localhost/api/map?bbox=-180,-85,180,85&zoom=${zoom}&lang=en&q=seed+library` })).json();
      expect(data.items, `zoom ${zoom}`).toEqual([
        expect.objectContaining({ kind: "cluster", count: 2, latitude: 10, longitude: 20, expansionZoom: 18, hubs: [expect.objectContaining({ kind: "hub" }), expect.objectContaining({ kind: "hub" })] }),
      ]);
      expect(data.items[0].hubs.map((hub: { slug: string }) => hub.slug).sort()).toEqual(["same-point-a", "same-point-b"]);
    }
    // Clusters that a zoom splits carry no list: the map zooms into them.
    const world = await (await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=2&lang=en" })).json();
    const splittable = world.items.filter((item: { kind: string; expansionZoom?: number }) => item.kind === "cluster" && item.expansionZoom! < 18);
    expect(splittable.length).toBeGreaterThan(0);
    expect(splittable.every((item: { hubs?: unknown }) => item.hubs === undefined)).toBe(true);
  });

  it("applies the same filters as the list", async () => {
    const data = await (await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=2&sdg=6" })).json();
    expect(data.total).toBe((await allSlugs(database, TODAY, { sdg: "6" })).total);
  });
});


describe("pages", () => {
  it("the home page loader reads its filters and page from the URL", async () => {
    const response = await callRoute(homeLoader, database, { path: "http://localhost/es?sdg=11&page=1&map=5/4.6/-74.1", params: { lang: "es" } });
    const data = await response.json();
    expect(data.filters).toEqual({ sdg: 11 });
    expect(data.list.total).toBe((await allSlugs(database, TODAY, { sdg: "11" })).total);
    expect(data.view).toEqual({ zoom: 5, latitude: 4.6, longitude: -74.1 });
    expect(data.sdgCounts[11]).toBe(data.list.total);
  });

  it("the HUB page shows each outcome's latest published progress, and keeps internal ids on the server", async () => {
    const data = await (await callRoute(hubPageLoader, database, { path: "http://localhost/en/hubs/bogota-cycle-network", params: { lang: "en", slug: "bogota-cycle-network" } })).json();
    const expected = await database.db
      .selectFrom("progress_update_outcomes as po")
      .innerJoin("progress_updates as u", "u.id", "po.update_id")
      .innerJoin("hubs as h", "h.id", "u.hub_id")
      .where("h.slug", "=", "bogota-cycle-network")
      .where("u.status", "=", "accepted")
      .select(["po.value", "u.period_end"])
      .orderBy("u.period_end", "desc")
      .execute();
    expect(expected.length).toBeGreaterThan(0);
    const latest = Object.values(data.latestProgress) as { reportedOn: string }[];
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((progress) => progress.reportedOn <= expected[0].period_end)).toBe(true);
    expect(data.updates.length).toBeGreaterThan(0);
    expect(data.hub).not.toHaveProperty("id");
    expect(data.hub.outcomes[0]).not.toHaveProperty("id");
  });

  it("the HUB page shows untranslated fields in their original language and names it", async () => {
    await insertHub(database, "only-french", { language: "fr", title: "Jardins partagés" });
    const data = await (await callRoute(hubPageLoader, database, { path: "http://localhost/en/hubs/only-french", params: { lang: "en", slug: "only-french" } })).json();
    expect(data.hub.texts.title).toBe("Jardins partagés");
    expect(data.hub.textLanguages.title).toBe("fr");
    expect(data.hub.originalLanguage).toBe("fr");
  });
});

describe("the map's synchronisation lines (links=1)", () => {
  const world: [number, number, number, number] = [-180, -85, 180, 85];
  const view = { bbox: world, zoom: 2, language: "en" as const, today: TODAY };
  const coordinates = async (hubId: number) => {
    const hub = await database.db.selectFrom("hubs").select(["latitude", "longitude"]).where("id", "=", hubId).executeTakeFirstOrThrow();
    return [hub.latitude, hub.longitude];
  };
  const line = async (a: number, b: number) => [...(await coordinates(a)), ...(await coordinates(b))];

  it("draws a line for each accepted synchronisation between two HUBs on the map, and none for pending or declined ones", async () => {
    const requests = await database.db.selectFrom("hub_sync_requests").select(["requester_hub_id", "target_hub_id", "status"]).execute();
    const accepted = requests.filter((request) => request.status === "accepted");
    const other = requests.filter((request) => request.status !== "accepted");
    expect(accepted.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);

    const data = await getMapData(database.db, { ...view, filters: {}, links: true });
    const drawn = data.links!.map((drawnLine) => drawnLine.join(","));
    for (const request of accepted) expect(drawn).toContain((await line(request.requester_hub_id, request.target_hub_id)).join(","));
    expect(drawn).toHaveLength(accepted.length);
    // Without links=1, no lines travel.
    expect((await getMapData(database.db, { ...view, filters: {} })).links).toBeUndefined();
  });

  it("keeps only the lines whose two HUBs match the filters, and whose one end at least is in view", async () => {
    const [request] = await database.db.selectFrom("hub_sync_requests").select(["requester_hub_id", "target_hub_id"]).where("status", "=", "accepted").orderBy("id").limit(1).execute();
    const expected = (await line(request!.requester_hub_id, request!.target_hub_id)).join(",");
    const [latitude, longitude] = await coordinates(request!.requester_hub_id);
    const around: [number, number, number, number] = [longitude! - 0.5, latitude! - 0.5, longitude! + 0.5, latitude! + 0.5];
    const near = await getMapData(database.db, { ...view, bbox: around, zoom: 10, filters: {}, links: true });
    expect(near.links!.map((drawnLine) => drawnLine.join(","))).toContain(expected);

    const elsewhere: [number, number, number, number] = [-179, -84, -178, -83];
    expect((await getMapData(database.db, { ...view, bbox: elsewhere, zoom: 10, filters: {}, links: true })).links).toEqual([]);

    // A filter that leaves one of the two HUBs off the map leaves the line off too.
    const countryOf = (hubId: number) =>
      database.db
        .selectFrom("hubs as h")
        .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
        .select("o.country_code")
        .where("h.id", "=", hubId)
        .executeTakeFirstOrThrow()
        .then((row) => row.country_code.trim());
    const accepted = await database.db.selectFrom("hub_sync_requests").select(["requester_hub_id", "target_hub_id"]).where("status", "=", "accepted").orderBy("id").execute();
    let checked = 0;
    for (const pair of accepted) {
      const country = await countryOf(pair.requester_hub_id);
      if (country === (await countryOf(pair.target_hub_id))) continue;
      const pairLine = (await line(pair.requester_hub_id, pair.target_hub_id)).join(",");
      expect((await getMapData(database.db, { ...view, filters: {}, links: true })).links!.map((drawnLine) => drawnLine.join(","))).toContain(pairLine);
      const oneCountry = await getMapData(database.db, { ...view, filters: { country }, links: true });
      expect(oneCountry.links!.map((drawnLine) => drawnLine.join(","))).not.toContain(pairLine);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("is asked for through the map API with links=1", async () => {
    const response = await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=2&lang=en&links=1" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { links: unknown[] };
    expect(body.links.length).toBeGreaterThan(0);
    const without = (await (await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=2&lang=en" })).json()) as { links?: unknown };
    expect(without.links).toBeUndefined();
  });
});
