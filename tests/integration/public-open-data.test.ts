import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as geojsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as hubJsonLoader } from "~/routes/api.hubs.$file";
import { loader as feedLoader } from "~/routes/$lang.feed[.]xml";
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
    expect(collection.features.length).toBe((await allSlugs(database, TODAY, {})).total);
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
    expect(collection.features.length).toBe((await allSlugs(database, TODAY, { sdg: "6", region: "africa" })).total);
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
    await insertHub(database, "csv-quoting", { title: 'Water, "sanitation" and\nhygiene', summary: "=1+1 is not a formula here" });
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
    expect(parsed.data.length).toBe((await allSlugs(database, TODAY, {})).total);
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
    await insertHub(database, "feed-newest", { language: "es", title: "Huertos comunitarios en azoteas" });
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
