import Papa from "papaparse";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHubFilters, type HubFilters } from "~/modules/hubs/hub-filters";
import { countHubsBySdg, listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { getMapData } from "~/modules/map/clusters.server";
import { loader as mapLoader } from "~/routes/api.map";
import { loader as geojsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as feedLoader } from "~/routes/$lang.feed[.]xml";
import { loader as homeLoader } from "~/routes/$lang._index";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";

let database: TestDatabase;
const TODAY = "2026-11-22";

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true });
});
afterAll(async () => {
  await database?.destroy();
});

async function allSlugs(filters: Record<string, string>, language: "en" | "es" | "fr" = "en") {
  const page = await listPublicHubs(database.db, { language, today: TODAY, filters: parseHubFilters(new URLSearchParams(filters)), pageSize: 500 });
  return { slugs: page.hubs.map((hub) => hub.slug), total: page.total };
}

/** A recognised HUB (or another status) with its texts, for tests that need one of their own. */
async function insertHub(slug: string, options: { status?: string; title?: string; summary?: string; language?: "en" | "es" | "fr"; goal?: number; startDate?: string } = {}) {
  const organisation = await database.db.selectFrom("organisations").select("id").orderBy("id").executeTakeFirstOrThrow();
  const hub = await database.db
    .insertInto("hubs")
    .values({
      slug,
      status: (options.status ?? "recognised") as "recognised",
      lead_organisation_id: organisation.id,
      original_language: options.language ?? "en",
      latitude: 10,
      longitude: 20,
      start_date: options.startDate ?? "2026-01-01",
      end_date: options.startDate && options.startDate >= "2027-12-31" ? `${Number(options.startDate.slice(0, 4)) + 2}-12-31` : "2027-12-31",
      contact_email: "secret-contact@example.org",
      updated_at: new Date(),
      recognised_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto("hub_translations")
    .values({
      hub_id: hub.id,
      language: options.language ?? "en",
      title: options.title ?? `Title of ${slug}`,
      summary: options.summary ?? "A summary.",
      description: "A description.",
      updated_at: new Date(),
    })
    .execute();
  await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: options.goal ?? 6, is_primary: true }).execute();
  return hub.id;
}

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
    const sdg = await allSlugs({ sdg: "6" });
    const withGoal6 = await database.db.selectFrom("hub_goals").select("hub_id").where("goal", "=", 6).execute();
    expect(sdg.total).toBe(withGoal6.length);
    expect(sdg.total).toBeGreaterThan(0);
    expect(sdg.total).toBeLessThan(40);

    expect((await allSlugs({ target: "11.2" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs({ target: "11.2" })).slugs).not.toContain("barcelona-climate-shelters");

    const mobility = await allSlugs({ theme: "mobility" });
    expect(mobility.slugs).toContain("bogota-cycle-network");
    expect(mobility.total).toBeLessThan(40);

    const latinAmerica = await allSlugs({ region: "latin_america" });
    expect(latinAmerica.slugs).toContain("bogota-cycle-network");
    expect(latinAmerica.slugs).not.toContain("barcelona-climate-shelters");

    const colombia = await allSlugs({ country: "co" });
    expect(colombia.slugs).toEqual(expect.arrayContaining(["bogota-cycle-network", "medellin-green-corridors"]));
    expect(colombia.slugs).not.toContain("quito-localising-sdgs");

    const bogota = await database.db.selectFrom("hubs").select("start_date").where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
    const year = bogota.start_date.slice(0, 4);
    const byYear = await allSlugs({ year });
    expect(byYear.slugs).toContain("bogota-cycle-network");
    const expected = await database.db.selectFrom("hubs").select("id").where("start_date", ">=", `${year}-01-01`).where("start_date", "<=", `${year}-12-31`).execute();
    expect(byYear.total).toBe(expected.length);
  });

  it("combines filters (all must hold) and ignores values that cannot be right", async () => {
    const both = await allSlugs({ region: "latin_america", sdg: "11" });
    const region = await allSlugs({ region: "latin_america" });
    const goal = await allSlugs({ sdg: "11" });
    expect(both.slugs.every((slug) => region.slugs.includes(slug) && goal.slugs.includes(slug))).toBe(true);
    expect(both.total).toBeLessThan(region.total);
    expect((await allSlugs({ sdg: "99", region: "mars", country: "Colombia", year: "abc", status: "draft" })).total).toBe(40);
  });

  it("filters by public status: recognised (not started), active (started), ended (final report due) and completed", async () => {
    await insertHub("status-future", { startDate: "2030-01-01" });
    await insertHub("status-completed", { status: "completed" });
    const recognised = await allSlugs({ status: "recognised" });
    const active = await allSlugs({ status: "active" });
    const ended = await allSlugs({ status: "ended" });
    const completed = await allSlugs({ status: "completed" });
    expect(recognised.slugs).toContain("status-future");
    expect(active.slugs).not.toContain("status-future");
    const storedCompleted = await database.db.selectFrom("hubs").select("slug").where("status", "=", "completed").execute();
    expect(completed.slugs.sort()).toEqual(storedCompleted.map((row) => row.slug).sort());
    expect(completed.slugs).toContain("status-completed");
    expect(active.slugs).not.toContain("status-completed");
    const all = await allSlugs({});
    expect(recognised.total + active.total + ended.total + completed.total).toBe(all.total);
  });

  it("limits the list to a box on the map, also across the antimeridian", async () => {
    const europe = await allSlugs({ bbox: "-10,35,30,60" });
    expect(europe.slugs).toContain("barcelona-climate-shelters");
    expect(europe.slugs).not.toContain("bogota-cycle-network");
    const pacific = await allSlugs({ bbox: "170,-60,-60,15" });
    expect(pacific.slugs).toContain("bogota-cycle-network");
    expect(pacific.slugs).not.toContain("barcelona-climate-shelters");
  });

  it("never lists drafts, submissions or declined HUBs, and their pages are 404", async () => {
    for (const status of ["draft", "submitted", "changes_requested", "declined", "withdrawn"]) await insertHub(`hidden-${status}`, { status });
    const all = await allSlugs({});
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
    const before = await allSlugs({ sdg: "14" });
    await insertHub("cache-check", { goal: 14 });
    const after = await allSlugs({ sdg: "14" });
    expect(after.total).toBe(before.total + 1);
    expect(after.slugs).toContain("cache-check");
  });
});

describe("search", () => {
  it("finds a HUB by a word of its Spanish text from the French interface, accents ignored, ranked first", async () => {
    const result = await allSlugs({ q: "biciparqueaderos" }, "fr");
    expect(result.slugs[0]).toBe("bogota-cycle-network");
    const page = await listPublicHubs(database.db, { language: "fr", today: TODAY, filters: { q: "ciclorrutas" } });
    expect(page.hubs[0].slug).toBe("bogota-cycle-network");
    expect(page.hubs[0].title).toMatch(/pistes cyclables/);
    // "Bolívar" written without its accent.
    expect((await allSlugs({ q: "bolivar" })).slugs).toContain("bogota-cycle-network");
  });

  it("matches stemmed forms in each language and finds nothing for a word no HUB uses", async () => {
    expect((await allSlugs({ q: "cyclists" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs({ q: "cycliste" })).slugs).toContain("bogota-cycle-network");
    expect((await allSlugs({ q: "zzyzxquux" })).total).toBe(0);
  });

  it("keeps the index right when texts change or disappear", async () => {
    const hubId = await insertHub("search-edit", { title: "Mangroves nursery" });
    expect((await allSlugs({ q: "mangroves" })).slugs).toContain("search-edit");
    await database.db.updateTable("hub_translations").set({ title: "Coral reef nursery" }).where("hub_id", "=", hubId).execute();
    expect((await allSlugs({ q: "mangroves" })).slugs).not.toContain("search-edit");
    expect((await allSlugs({ q: "coral" })).slugs).toContain("search-edit");
    await database.db
      .insertInto("hub_translations")
      .values({ hub_id: hubId, language: "es", title: "Vivero de arrecifes de coral", summary: "Resumen", updated_at: new Date() })
      .execute();
    expect((await allSlugs({ q: "arrecifes" })).slugs).toContain("search-edit");
    await database.db.deleteFrom("hub_translations").where("hub_id", "=", hubId).where("language", "=", "es").execute();
    expect((await allSlugs({ q: "arrecifes" })).slugs).not.toContain("search-edit");
  });

  it("counts a search's HUBs and their SDGs like the SQL over the same HUBs, with or without other filters, drafts left out", async () => {
    await insertHub("search-count-a", { summary: "Rooftop beehives for pollinators", goal: 15 });
    const twoGoals = await insertHub("search-count-b", { summary: "Beehives on school roofs", goal: 4 });
    await database.db.insertInto("hub_goals").values({ hub_id: twoGoals, goal: 15, is_primary: false }).execute();
    await insertHub("search-count-draft", { summary: "Beehives in a draft", goal: 15, status: "draft" });
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
      expect(data.items.every((item) => !("id" in item))).toBe(true);
      return data.items.map((item) => (item.kind === "hub" ? item.slug : `cluster of ${item.count}`)).sort();
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

  it("applies the same filters as the list", async () => {
    const data = await (await callRoute(mapLoader, database, { path: "http://localhost/api/map?bbox=-180,-85,180,85&zoom=2&sdg=6" })).json();
    expect(data.total).toBe((await allSlugs({ sdg: "6" })).total);
  });
});

describe("open data", () => {
  it("publishes valid RFC 7946 GeoJSON with public fields only", async () => {
    const response = await callRoute(geojsonLoader, database, { path: "http://localhost/api/hubs.geojson?lang=fr" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/geo\+json/);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toMatch(/public, max-age=\d+/);
    const text = await response.text();
    const collection = JSON.parse(text);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.crs).toBeUndefined();
    expect(collection.features.length).toBe((await allSlugs({})).total);
    for (const feature of collection.features) {
      expect(feature.type).toBe("Feature");
      expect(feature.geometry.type).toBe("Point");
      const [longitude, latitude] = feature.geometry.coordinates;
      expect(longitude).toBeGreaterThanOrEqual(-180);
      expect(longitude).toBeLessThanOrEqual(180);
      expect(latitude).toBeGreaterThanOrEqual(-90);
      expect(latitude).toBeLessThanOrEqual(90);
      expect(typeof feature.properties.title).toBe("string");
      expect(feature.properties).not.toHaveProperty("id");
      expect(feature.properties).not.toHaveProperty("version");
      expect(feature.properties).not.toHaveProperty("contact_email");
    }
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    const bogota = collection.features.find((feature: { id: string }) => feature.id === "bogota-cycle-network");
    expect(bogota.geometry.coordinates[0]).toBeLessThan(-70); // longitude first
    expect(bogota.properties.text_language).toBe("fr");
    expect(bogota.properties.original_language).toBe("es");
    expect(bogota.properties.sdg_goals).toContain(11);
  });

  it("filters the GeoJSON like the map, and answers 304 to a matching ETag", async () => {
    const response = await callRoute(geojsonLoader, database, { path: "http://localhost/api/hubs.geojson?sdg=6&region=africa" });
    const collection = await response.json();
    expect(collection.features.length).toBe((await allSlugs({ sdg: "6", region: "africa" })).total);
    for (const feature of collection.features) {
      expect(feature.properties.sdg_goals).toContain(6);
      expect(feature.properties.region).toBe("africa");
    }
    const etag = response.headers.get("ETag")!;
    expect(etag).toBeTruthy();
    const again = await callRoute(geojsonLoader, database, { path: "http://localhost/api/hubs.geojson?sdg=6&region=africa", headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    const other = await callRoute(geojsonLoader, database, { path: "http://localhost/api/hubs.geojson?sdg=7", headers: { "If-None-Match": etag } });
    expect(other.status).toBe(200);
    // As browsers and fetch() send it: among other tags, with Cache-Control: no-cache beside it.
    const revalidated = await callRoute(geojsonLoader, database, { path: "http://localhost/api/hubs.geojson?sdg=6&region=africa", headers: {
      "If-None-Match": `"other", ${etag}`,
      "Cache-Control": "no-cache",
    } });
    expect(revalidated.status).toBe(304);
  });

  it("publishes a CSV a spreadsheet opens, with commas, quotes and line breaks quoted", async () => {
    await insertHub("csv-quoting", { title: 'Water, "sanitation" and\nhygiene', summary: "=1+1 is not a formula here" });
    const response = await callRoute(csvLoader, database, { path: "http://localhost/api/hubs.csv?lang=en" });
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8 byte-order mark, so spreadsheet programs read the accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8").decode(bytes);
    expect(text).toContain('"Water, ""sanitation"" and\nhygiene"');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(["slug", "title", "sdg_goals", "latitude", "longitude", "status"]));
    expect(parsed.meta.fields).not.toContain("contact_email");
    expect(parsed.data.length).toBe((await allSlugs({})).total);
    const row = parsed.data.find((candidate) => candidate.slug === "csv-quoting")!;
    expect(row.title).toBe('Water, "sanitation" and\nhygiene');
    expect(row.summary).toBe("'=1+1 is not a formula here");
    expect(text).not.toContain("secret-contact@example.org");
  });

  it("publishes one HUB as JSON in the language asked for, with its links both ways", async () => {
    const response = await callRoute(hubJsonLoader, database, { path: "http://localhost/api/hubs/medellin-green-corridors.json?lang=es", params: { file: "medellin-green-corridors.json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const hub = await response.json();
    expect(hub.slug).toBe("medellin-green-corridors");
    expect(hub.language).toBe("es");
    expect(hub).not.toHaveProperty("id");
    expect(hub).not.toHaveProperty("version");
    expect(JSON.stringify(hub)).not.toMatch(/@/);
    // The link is stored from Bogotá's side only.
    expect(hub.synchronised_with.map((other: { slug: string }) => other.slug)).toContain("bogota-cycle-network");
    const bogota = await (await callRoute(hubJsonLoader, database, { path: "http://localhost/api/hubs/bogota-cycle-network.json", params: { file: "bogota-cycle-network.json" } })).json();
    expect(bogota.synchronised_with.map((other: { slug: string }) => other.slug)).toContain("medellin-green-corridors");
    expect(bogota.participating_cities.length).toBeGreaterThan(0);
    expect(bogota.sdg_targets.find((target: { id: string }) => target.id === "11.2").title).toMatch(/transport/);
    expect((await callRoute(hubJsonLoader, database, { path: "http://localhost/api/hubs/nope.json", params: { file: "nope.json" } })).status).toBe(404);
    expect((await callRoute(hubJsonLoader, database, { path: "http://localhost/api/hubs/bogota-cycle-network.xml", params: { file: "bogota-cycle-network.xml" } })).status).toBe(404);
  });

  it("publishes an Atom feed of recognised HUBs in the page's language", async () => {
    await insertHub("feed-newest", { language: "es", title: "Huertos comunitarios en azoteas" });
    const response = await callRoute(feedLoader, database, { path: "http://localhost/es/feed.xml", params: { lang: "es" } });
    expect(response.headers.get("Content-Type")).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="es">/);
    expect(xml.match(/<entry /g)!.length).toBeGreaterThanOrEqual(40);
    expect(xml).toContain("Nuevo HUB reconocido: Huertos comunitarios en azoteas");
    // Accepted progress updates of the demo data are news too; pending ones are not.
    const accepted = await database.db.selectFrom("progress_updates").select("id").where("status", "=", "accepted").execute();
    expect(accepted.length).toBeGreaterThan(0);
    expect(xml).toContain("Avance publicado: ");
    expect(xml).not.toContain("hidden-draft");
    expect((await callRoute(feedLoader, database, { path: "http://localhost/de/feed.xml", params: { lang: "de" } })).status).toBe(404);
  });
});

describe("pages", () => {
  it("the home page loader reads its filters and page from the URL", async () => {
    const response = await callRoute(homeLoader, database, { path: "http://localhost/es?sdg=11&page=1&map=5/4.6/-74.1", params: { lang: "es" } });
    const data = await response.json();
    expect(data.filters).toEqual({ sdg: 11 });
    expect(data.list.total).toBe((await allSlugs({ sdg: "11" })).total);
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
    await insertHub("only-french", { language: "fr", title: "Jardins partagés" });
    const data = await (await callRoute(hubPageLoader, database, { path: "http://localhost/en/hubs/only-french", params: { lang: "en", slug: "only-french" } })).json();
    expect(data.hub.texts.title).toBe("Jardins partagés");
    expect(data.hub.textLanguages.title).toBe("fr");
    expect(data.hub.originalLanguage).toBe("fr");
  });
});
