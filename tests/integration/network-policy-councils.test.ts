import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { action as editAction, loader as editLoader } from "~/routes/$lang.admin.policy-councils";
import { action as linkAction } from "~/routes/$lang.admin.hubs.$hubId.policy-councils";
import { getFilterOptions } from "~/modules/hubs/public-filter-options.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { allSlugs, insertHub } from "../support/public-hubs";
import { loginAs, type SignedInUser } from "../support/sessions";

let database: TestDatabase;
let secretariat: SignedInUser;
let city: SignedInUser;
let linkedHub: number;
const TODAY = "2026-06-01";

beforeAll(async () => {
  database = await createTestDatabase();
  secretariat = await loginAs(database, "secretariat");
  city = await loginAs(database, "city");
  linkedHub = await insertHub(database, "council-linked-hub", { title: "Linked to councils" });
  await insertHub(database, "council-free-hub", { title: "Not linked" });
});
afterAll(() => database?.destroy());

async function councilId(slug: string) {
  return (await database.db.selectFrom("policy_councils").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

describe("UCLG Policy Councils", () => {
  it("are seeded with the five councils, each named in English, Spanish and French", async () => {
    const rows = await database.db.selectFrom("policy_councils").select(["slug", "name_en", "name_es", "name_fr"]).orderBy("position").execute();
    expect(rows.map((row) => row.slug)).toEqual(["right-to-the-city", "opportunities-for-all", "multilevel-governance", "resilient-cities", "new-urban-agenda"]);
    expect(rows[0]).toMatchObject({ name_en: "Right to the City and Inclusive Territories", name_es: "Derecho a la Ciudad y Territorios Inclusivos" });
    expect(rows.every((row) => row.name_fr.length > 0)).toBe(true);
    const options = await getFilterOptions(database.db, "fr");
    expect(options.councils.map((council) => council.name)).toContain("Mise en œuvre du Nouvel Agenda urbain");
  });

  it("the secretariat renames a council; a stale version is a 409 with the input kept; a city may not", async () => {
    const id = await councilId("resilient-cities");
    const page = await callRoute(editLoader, database, { path: "/en/admin/policy-councils", params: { lang: "en" }, cookie: secretariat.cookie });
    expect(page.status).toBe(200);
    const body = { id, version: 1, nameEn: "Safer, Resilient and Sustainable Cities", nameEs: "Ciudades más Seguras", nameFr: "Villes plus sûres", position: 3 };
    const saved = await callRoute(editAction, database, { path: "/en/admin/policy-councils", params: { lang: "en" }, cookie: secretariat.cookie, body });
    expect(saved.status).toBe(302);
    expect((await database.db.selectFrom("policy_councils").select(["name_es", "version"]).where("id", "=", id).executeTakeFirstOrThrow())).toEqual({ name_es: "Ciudades más Seguras", version: 2 });
    const stale = await callRoute(editAction, database, { path: "/en/admin/policy-councils", params: { lang: "en" }, cookie: secretariat.cookie, body: { ...body, nameEs: "Otra" } });
    expect(stale.status).toBe(409);
    const empty = await callRoute(editAction, database, { path: "/es/admin/policy-councils", params: { lang: "es" }, cookie: secretariat.cookie, body: { ...body, version: 2, nameFr: " " } });
    expect(empty.status).toBe(400);
    const refused = await callRoute(editAction, database, { path: "/en/admin/policy-councils", params: { lang: "en" }, cookie: city.cookie, body: { ...body, version: 2 } });
    expect(refused.status).toBe(403);
  });

  it("a HUB linked to two councils shows them on its page, is found by the map's filter and carries them in the CSV", async () => {
    const ids = [await councilId("right-to-the-city"), await councilId("new-urban-agenda")];
    const linked = await callRoute(linkAction, database, {
      path: `/en/admin/hubs/${linkedHub}/policy-councils`,
      params: { lang: "en", hubId: String(linkedHub) },
      cookie: secretariat.cookie,
      body: { councilIds: ids.map(String) },
    });
    expect(linked.status).toBe(302);
    const cityTry = await callRoute(linkAction, database, {
      path: `/en/admin/hubs/${linkedHub}/policy-councils`,
      params: { lang: "en", hubId: String(linkedHub) },
      cookie: city.cookie,
      body: { councilIds: [] },
    });
    expect(cityTry.status).toBe(403);

    const page = await (await callRoute(hubPageLoader, database, { path: "/es/hubs/council-linked-hub", params: { lang: "es", slug: "council-linked-hub" } })).json();
    expect(page.network.councils.map((council: { name: string }) => council.name)).toEqual(["Derecho a la Ciudad y Territorios Inclusivos", "Implementación de la Nueva Agenda Urbana"]);

    const found = await allSlugs(database, TODAY, { council: "new-urban-agenda" });
    expect(found.slugs).toEqual(["council-linked-hub"]);
    expect((await allSlugs(database, TODAY, { council: "resilient-cities" })).total).toBe(0);

    const csv = await (await callRoute(csvLoader, database, { path: "http://localhost/api/hubs.csv?council=right-to-the-city" })).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.slug)).toEqual(["council-linked-hub"]);
    expect(rows[0].policy_councils).toBe("right-to-the-city;new-urban-agenda");
  });
});
