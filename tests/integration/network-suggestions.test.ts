import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { loader as proposalLoader } from "~/routes/$lang.my.hubs.$hubId";
import { suggestPartners } from "~/modules/network/suggestions.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

let database: TestDatabase;
let owner: SignedInUser;
let council: SignedInUser;
const hubs: Record<string, number> = {};

async function organisation(name: string, region: "europe" | "africa" | "latin_america") {
  return (
    await database.db
      .insertInto("organisations")
      .values({ name, kind: "local_government", country_code: region === "africa" ? "SN" : region === "europe" ? "FR" : "CO", region, city: name, latitude: 1, longitude: 1 })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function hub(slug: string, organisationId: number, { title, targets, goals, theme, status = "recognised" }: { title: string; targets: string[]; goals: number[]; theme?: number; status?: "recognised" | "draft" }) {
  const row = await database.db
    .insertInto("hubs")
    .values({ slug, status, lead_organisation_id: organisationId, original_language: "en", theme_id: theme ?? null, latitude: 1, longitude: 1, start_date: "2026-01-01", end_date: "2028-12-31", updated_at: new Date(), recognised_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (status === "draft") await database.db.updateTable("hubs").set({ recognised_at: null }).where("id", "=", row.id).execute();
  await database.db.insertInto("hub_translations").values({ hub_id: row.id, language: "en", title, summary: title, updated_at: new Date() }).execute();
  if (goals.length) await database.db.insertInto("hub_goals").values(goals.map((goal, index) => ({ hub_id: row.id, goal, is_primary: index === 0 }))).execute();
  if (targets.length) await database.db.insertInto("hub_targets").values(targets.map((target_id) => ({ hub_id: row.id, target_id }))).execute();
  hubs[slug] = row.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const theme = (await database.db.insertInto("themes").values({ slug: "mobility", name_en: "Mobility", name_es: "Movilidad", name_fr: "Mobilité", position: 0 }).returning("id").executeTakeFirstOrThrow()).id;
  const lima = await organisation("Lima", "latin_america");
  owner = await loginAs(database, "city", { organisationId: lima });
  council = await loginAs(database, "council");
  await hub("lima-cycle-lanes", lima, { title: "Protected cycle lanes for safer streets", targets: ["11.2", "3.6"], goals: [11, 3], theme });
  await hub("lima-other-hub", lima, { title: "Protected cycle lanes again", targets: ["11.2", "3.6"], goals: [11, 3], theme });
  await hub("dakar-safe-streets", await organisation("Dakar", "africa"), { title: "Safer streets for pedestrians", targets: ["11.2", "3.6"], goals: [11, 3] });
  await hub("bogota-buses", await organisation("Bogota", "latin_america"), { title: "Electric buses", targets: ["11.2"], goals: [11], theme });
  await hub("lyon-cycling", await organisation("Lyon", "europe"), { title: "Cycle lanes and bike parking", targets: [], goals: [9], theme: undefined });
  await hub("paris-libraries", await organisation("Paris", "europe"), { title: "Public libraries open late", targets: ["4.6"], goals: [4] });
});
afterAll(() => database?.destroy());

describe("suggested partners", () => {
  it("are ranked by shared targets, theme and words, favour other regions, give their reasons and leave out the HUB's own organisation", async () => {
    const suggestions = await suggestPartners(database.db, { hubId: hubs["lima-cycle-lanes"], language: "en" });
    expect(suggestions.map((partner) => partner.slug)).toEqual(["dakar-safe-streets", "bogota-buses", "lyon-cycling"]);
    expect(suggestions[0].reasons).toEqual({ sharedTargets: ["11.2", "3.6"], sharedGoals: [3, 11], sameTheme: null, similarText: true, otherRegion: true });
    expect(suggestions[1].reasons).toMatchObject({ sharedTargets: ["11.2"], sameTheme: "Mobility", otherRegion: false });
    expect(suggestions[2].reasons).toMatchObject({ sharedTargets: [], similarText: true, otherRegion: true });
    expect(suggestions.map((partner) => partner.slug)).not.toContain("paris-libraries");
  });

  it("a HUB already linked or asked is no longer suggested", async () => {
    await database.db.insertInto("hub_sync_requests").values({ requester_hub_id: hubs["dakar-safe-streets"], target_hub_id: hubs["lima-cycle-lanes"], message: "Hola", joint_activity: "Taller" }).execute();
    const suggestions = await suggestPartners(database.db, { hubId: hubs["lima-cycle-lanes"], language: "en" });
    expect(suggestions.map((partner) => partner.slug)).not.toContain("dakar-safe-streets");
    await database.db.deleteFrom("hub_sync_requests").execute();
  });

  it("show on the HUB page for signed-in members only; the HUB's own city is offered to ask", async () => {
    const anonymous = await (await callRoute(hubPageLoader, database, { path: "/en/hubs/lima-cycle-lanes", params: { lang: "en", slug: "lima-cycle-lanes" } })).json();
    expect(anonymous.network.suggestions).toBeNull();
    const asCouncil = await (await callRoute(hubPageLoader, database, { path: "/fr/hubs/lima-cycle-lanes", params: { lang: "fr", slug: "lima-cycle-lanes" }, cookie: council.cookie })).json();
    expect(asCouncil.network.suggestions.partners[0].slug).toBe("dakar-safe-streets");
    expect(asCouncil.network.suggestions.mayAsk).toBe(false);
    const asOwner = await (await callRoute(hubPageLoader, database, { path: "/es/hubs/lima-cycle-lanes", params: { lang: "es", slug: "lima-cycle-lanes" }, cookie: owner.cookie })).json();
    expect(asOwner.network.suggestions.mayAsk).toBe(true);
  });

  it("show in the proposal form of an existing draft, from its saved targets, with their reasons", async () => {
    const quito = await organisation("Quito", "latin_america");
    const drafter = await loginAs(database, "city", { organisationId: quito });
    await hub("quito-safe-routes", quito, { title: "Safe routes to school", targets: ["11.2", "3.6"], goals: [11, 3], status: "draft" });
    const response = await callRoute(proposalLoader, database, { path: `/en/my/hubs/${hubs["quito-safe-routes"]}`, params: { lang: "en", hubId: String(hubs["quito-safe-routes"]) }, cookie: drafter.cookie });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.editable).toBe(true);
    expect(data.suggestions[0]).toMatchObject({ slug: "dakar-safe-streets", reasons: { sharedTargets: ["11.2", "3.6"], otherRegion: true } });
    // A draft is never suggested to others.
    expect((await suggestPartners(database.db, { hubId: hubs["dakar-safe-streets"], language: "en" })).map((partner) => partner.slug)).not.toContain("quito-safe-routes");
  });
});
