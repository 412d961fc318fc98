import Papa from "papaparse";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { action as syncAction, loader as syncLoader } from "~/routes/$lang.synchronisation";
import { migrations } from "../../db/migrations/index";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

let database: TestDatabase;
let cityA: SignedInUser;
let cityB: SignedInUser;
let cityC: SignedInUser;
let council: SignedInUser;
let hubA: { id: number; slug: string };
let hubB: { id: number; slug: string };
let hubC: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase();
  cityA = await loginAs(database, "city", { language: "fr" });
  cityB = await loginAs(database, "city", { language: "es" });
  cityC = await loginAs(database, "city");
  council = await loginAs(database, "council");
  hubA = await createHub(database.db, { organisationId: cityA.organisationId!, startDate: "2026-01-01", endDate: "2028-12-31" });
  hubB = await createHub(database.db, { organisationId: cityB.organisationId!, startDate: "2026-01-01", endDate: "2028-12-31" });
  hubC = await createHub(database.db, { organisationId: cityC.organisationId!, startDate: "2026-01-01", endDate: "2028-12-31" });
});
afterAll(() => database?.destroy());

const post = (user: SignedInUser, body: Record<string, string>) => callRoute(syncAction, database, { path: "/en/synchronisation", params: { lang: "en" }, cookie: user.cookie, body });
const overview = async (user: SignedInUser) => (await callRoute(syncLoader, database, { path: "/en/synchronisation", params: { lang: "en" }, cookie: user.cookie })).json();
const hubPage = async (slug: string, lang = "en") => (await callRoute(hubPageLoader, database, { path: `/${lang}/hubs/${slug}`, params: { lang, slug } })).json();

describe("two-way synchronisation", () => {
  it("migration 150 turns the proposals' unilateral links into accepted pairs, one per pair", async () => {
    await database.db.insertInto("hub_synchronisations").values([
      { hub_id: hubA.id, other_hub_id: hubC.id },
      { hub_id: hubC.id, other_hub_id: hubA.id },
    ]).execute();
    // Replay the migration on a registry that has these links (and the later ones, which build on its tables).
    const fromNetwork = Object.keys(migrations).sort().filter((name) => name >= "2026-12-01-150-hub-network");
    for (const name of [...fromNetwork].reverse()) await migrations[name]!.down!(database.db);
    for (const name of fromNetwork) await migrations[name]!.up(database.db);
    const pairs = await database.db.selectFrom("hub_sync_requests").select(["requester_hub_id", "target_hub_id", "status", "origin"]).execute();
    expect(pairs).toEqual([{ requester_hub_id: hubA.id, target_hub_id: hubC.id, status: "accepted", origin: "proposal" }]);
    const page = await hubPage(hubC.slug);
    expect(page.network.links.map((link: { slug: string }) => link.slug)).toEqual([hubA.slug]);
    expect(page.hub.synchronisedWith.map((link: { slug: string }) => link.slug)).toEqual([hubA.slug]);
    await database.db.deleteFrom("hub_sync_requests").execute();
    await database.db.deleteFrom("hub_synchronisations").execute();
  });

  it("a city asks from its HUB; the council, another city's HUB and a HUB already asked are refused", async () => {
    const request = { intent: "request", fromHubId: String(hubA.id), toHub: `https://hubs.example.org/fr/hubs/${hubB.slug}`, message: "Travaillons ensemble.", jointActivity: "Atelier commun sur les corridors verts" };
    expect((await post(council, request)).status).toBe(403);
    // City C may not speak for city A's HUB: as if it did not exist.
    expect((await post(cityC, request)).status).toBe(404);
    const missing = await post(cityA, { ...request, jointActivity: " " });
    expect(missing.status).toBe(400);
    const unknown = await post(cityA, { ...request, toHub: "no-such-hub" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("network:sync.errors.unknownHub");

    expect((await post(cityA, request)).status).toBe(302);
    const again = await post(cityB, { ...request, fromHubId: String(hubB.id), toHub: hubA.slug });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain("network:sync.errors.alreadyLinked");

    const incoming = (await overview(cityB)).requests;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ incoming: true, status: "pending", jointActivity: "Atelier commun sur les corridors verts" });
    const notified = await database.db.selectFrom("notifications").select(["kind", "hub_id"]).where("user_id", "=", cityB.id).execute();
    expect(notified).toEqual([{ kind: "sync_requested", hub_id: hubA.id }]);
    const mail = await database.db.selectFrom("outbox").select(["subject", "language"]).where("kind", "=", "sync_requested").execute();
    expect(mail).toEqual([{ subject: expect.stringContaining("Solicitud de sincronización"), language: "es" }]);
  });

  it("only the asked HUB's city answers; a stale answer is a 409; accepted, the link shows on both HUB pages with its reason and in the CSV", async () => {
    const pending = (await overview(cityB)).requests[0];
    const answer = { intent: "answer", requestId: String(pending.id), version: String(pending.version), decision: "accept" };
    expect((await post(cityA, answer)).status).toBe(404);
    expect((await post(cityC, answer)).status).toBe(404);
    expect((await post(cityB, answer)).status).toBe(302);
    expect((await post(cityB, answer)).status).toBe(409);

    for (const [slug, other] of [[hubA.slug, hubB.slug], [hubB.slug, hubA.slug]]) {
      const page = await hubPage(slug, "fr");
      expect(page.network.links).toEqual([expect.objectContaining({ slug: other, jointActivity: "Atelier commun sur les corridors verts" })]);
    }
    const notified = await database.db.selectFrom("notifications").select(["kind", "hub_id"]).where("user_id", "=", cityA.id).execute();
    expect(notified).toEqual([{ kind: "sync_accepted", hub_id: hubB.id }]);

    const csv = await (await callRoute(csvLoader, database, { path: "http://localhost/api/hubs.csv" })).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.slug === hubA.slug)?.synchronised_with).toBe(hubB.slug);
    expect(rows.find((row) => row.slug === hubB.slug)?.synchronised_with).toBe(hubA.slug);
    expect(rows.find((row) => row.slug === hubC.slug)?.synchronised_with).toBe("");
  });

  it("a declined request is no link; either city of an accepted pair adds a joint product shown on both pages (http(s) only)", async () => {
    expect((await post(cityC, { intent: "request", fromHubId: String(hubC.id), toHub: hubB.slug, message: "Hola", jointActivity: "Intercambio" })).status).toBe(302);
    const request = (await overview(cityB)).requests.find((row: { fromSlug: string }) => row.fromSlug === hubC.slug);
    expect((await post(cityB, { intent: "answer", requestId: String(request.id), version: String(request.version), decision: "decline", comment: "Pas cette année" })).status).toBe(302);
    expect((await hubPage(hubC.slug)).network.links).toEqual([]);

    const pair = (await overview(cityA)).requests.find((row: { status: string }) => row.status === "accepted");
    const product = { intent: "product", requestId: String(pair.id), kind: "publication", title: "Guide des corridors", url: "https://example.org/guide.pdf" };
    expect((await post(cityC, product)).status).toBe(404);
    expect((await post(cityA, { ...product, url: "javascript:alert(1)" })).status).toBe(400);
    expect((await post(cityB, product)).status).toBe(302);
    for (const slug of [hubA.slug, hubB.slug]) {
      const page = await hubPage(slug);
      expect(page.network.links[0].products).toEqual([{ kind: "publication", title: "Guide des corridors", url: "https://example.org/guide.pdf" }]);
      // The other HUB of the pair, and the day the link was accepted (a date, not a timestamp).
      expect(page.network.links[0]).toMatchObject({ slug: slug === hubA.slug ? hubB.slug : hubA.slug, acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      // The synchronisation side of the HUB's impact, on its page and in the open data.
      expect(page.network.synchronisation).toEqual({ links: 1, jointProducts: 1, eventsTogether: 0, exchangePosts: 0 });
    }
    const csv = await (await callRoute(csvLoader, database, { path: "http://localhost/api/hubs.csv" })).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((row) => row.slug === hubA.slug)?.joint_products).toBe("1");
    expect(rows.find((row) => row.slug === hubC.slug)?.joint_products).toBe("0");
    const count = await sql<{ n: number }>`select count(*)::int as n from hub_sync_requests where status = 'accepted'`.execute(database.db);
    expect(count.rows[0].n).toBe(1);
  });
});
