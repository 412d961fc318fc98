import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { searchMatches } from "~/modules/hubs/hub-search.server";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertHub } from "../support/public-hubs";
import { callRoute } from "../support/routes";

let database: TestDatabase;
const TODAY = "2026-11-22";

// HUBs of this file's own, on a database without the demo data, so each search's result is known.
let schoolGardensId = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  // insertHub files every HUB under the first organisation.
  await database.db
    .insertInto("organisations")
    .values({ name: "Ayuntamiento de Bilbao", kind: "local_government", country_code: "ES", region: "europe", city: "Bilbao", latitude: 43.263, longitude: -2.925 })
    .execute();
  // Written only in Spanish, filed under SDG 4, its texts never say "education" in any language.
  schoolGardensId = await insertHub(database, "huertos-escolares", { language: "es", title: "Huertos en los patios de las escuelas", summary: "Cada escuela cultiva su huerto.", goal: 4 });
  // Its own English text says "education": found by its text, so ranked first and not labelled.
  await insertHub(database, "teachers-network", { language: "en", title: "Teachers network", summary: "Education for climate action in every school.", goal: 13 });
  // Written only in Spanish, filed under target 15.9 ("… biodiversity values into … planning").
  const wetlands = await insertHub(database, "humedales-urbanos", { language: "es", title: "Humedales urbanos", summary: "Restaurar los humedales de la ría.", goal: 15 });
  await database.db.insertInto("hub_targets").values({ hub_id: wetlands, target_id: "15.9" }).execute();
  // A draft under SDG 4 is never found.
  await insertHub(database, "borrador-escuelas", { language: "es", status: "draft", goal: 4 });
});
afterAll(async () => {
  await database?.destroy();
});

async function search(q: string, language: "en" | "es" | "fr" = "en") {
  return listPublicHubs(database.db, { language, today: TODAY, filters: { q }, pageSize: 100 });
}

describe("search across languages", () => {
  it("an English 'education' finds a HUB written only in Spanish under SDG 4, after the HUBs whose own texts match, and says why", async () => {
    const page = await search("education");
    expect(page.hubs.map((hub) => hub.slug)).toEqual(["teachers-network", "huertos-escolares"]);
    expect(page.total).toBe(2);
    expect(page.hubs[0].matchedThrough).toBeUndefined();
    expect(page.hubs[1].matchedThrough).toEqual([{ kind: "goal", ref: "4", name: "Quality education" }]);
  });

  it("the same in French and Spanish words, named in the page's language", async () => {
    const french = await search("éducation", "fr");
    expect(french.hubs.map((hub) => hub.slug)).toContain("huertos-escolares");
    expect(french.hubs.find((hub) => hub.slug === "huertos-escolares")!.matchedThrough![0]).toMatchObject({ kind: "goal", ref: "4", name: "Éducation de qualité" });
    const spanish = await search("educación", "es");
    expect(spanish.hubs.find((hub) => hub.slug === "huertos-escolares")!.matchedThrough![0].name).toMatch(/^Educación de calidad$/i);
  });

  it("an English 'values' finds a HUB written only in Spanish through its SDG target 15.9", async () => {
    const page = await search("values");
    const wetlands = page.hubs.find((hub) => hub.slug === "humedales-urbanos");
    expect(wetlands?.matchedThrough).toEqual([expect.objectContaining({ kind: "target", ref: "15.9", name: expect.stringMatching(/biodiversity values/) })]);
    expect(page.hubs.map((hub) => hub.slug)).not.toContain("huertos-escolares");
  });

  it("matches theme names in all three languages, and follows the secretariat's renaming", async () => {
    const theme = await database.db
      .insertInto("themes")
      .values({ slug: "food", name_en: "Urban agriculture", name_es: "Agricultura urbana", name_fr: "Agriculture urbaine", position: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db.updateTable("hubs").set({ theme_id: theme.id }).where("id", "=", schoolGardensId).execute();
    for (const q of ["agriculture", "agricultura", "urbaine"]) {
      const page = await search(q, "fr");
      expect(page.hubs.find((hub) => hub.slug === "huertos-escolares")?.matchedThrough, q).toEqual([{ kind: "theme", ref: String(theme.id), name: "Agriculture urbaine" }]);
    }
    await database.db.updateTable("themes").set({ name_en: "Food growing", name_es: "Cultivo de alimentos", name_fr: "Cultures vivrières" }).where("id", "=", theme.id).execute();
    expect((await search("agriculture")).hubs.map((hub) => hub.slug)).not.toContain("huertos-escolares");
    expect((await search("food")).hubs.map((hub) => hub.slug)).toContain("huertos-escolares");
  });

  it("matches Policy Council names in all three languages, says so, and follows the secretariat's renaming", async () => {
    const council = await database.db
      .insertInto("policy_councils")
      .values({ slug: "peatonal", name_en: "Walkable streets", name_es: "Calles caminables", name_fr: "Rues piétonnes", position: 9 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const wetlands = await database.db.selectFrom("hubs").select("id").where("slug", "=", "humedales-urbanos").executeTakeFirstOrThrow();
    await database.db.insertInto("hub_policy_councils").values({ hub_id: wetlands.id, council_id: council.id }).execute();
    for (const [q, language, name] of [
      ["walkable", "en", "Walkable streets"],
      ["caminables", "fr", "Rues piétonnes"],
      ["piétonnes", "es", "Calles caminables"],
    ] as const) {
      const page = await search(q, language);
      expect(page.hubs.map((hub) => hub.slug), q).toEqual(["humedales-urbanos"]);
      expect(page.hubs[0].matchedThrough, q).toEqual([{ kind: "council", ref: String(council.id), name }]);
    }
    await database.db.updateTable("policy_councils").set({ name_en: "Streets for people", name_es: "Calles para la gente", name_fr: "Rues pour tous" }).where("id", "=", council.id).execute();
    expect((await search("walkable")).total).toBe(0);
    expect((await search("people")).hubs.map((hub) => hub.slug)).toEqual(["humedales-urbanos"]);
    // Unlinked, the HUB is no longer filed under it.
    await database.db.deleteFrom("hub_policy_councils").where("council_id", "=", council.id).execute();
    expect((await search("people")).total).toBe(0);
  });

  it("never finds a draft, and the exports agree with the list", async () => {
    const matches = await searchMatches(database.db, "education");
    const drafts = await database.db.selectFrom("hubs").select("id").where("status", "=", "draft").execute();
    for (const draft of drafts) expect(matches.ids).not.toContain(draft.id);
    const csv = await (await callRoute(csvLoader, database, { path: "http://localhost/api/hubs.csv?q=education&lang=en" })).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.slug).sort()).toEqual(["huertos-escolares", "teachers-network"]);
  });

  it("a word in no HUB and no reference name finds nothing", async () => {
    expect((await search("zzyzxquux")).total).toBe(0);
  });
});
