import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubPageData } from "~/modules/hub-page/hub-page.server";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { hubNetworkFor } from "~/modules/network/hub-network.server";
import { publishedProgress } from "~/modules/progress/published-progress.server";
import { publicHubDetails } from "~/modules/proposals/public-details.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { contextFor, requestFor } from "../support/routes";
import { loginAsDemo } from "../support/sessions";

// The HUB page reads its HUB, progress, proposal details and network part in one statement
// (hub-page/hub-page.server.ts), each module's query nested as JSON. What it gives must be what each
// module's own function gives when run alone: the same rows, the same dates, the same fallbacks.
describe("the HUB page's one statement (hub-page.server.ts)", () => {
  let database: TestDatabase;
  const today = "2026-12-01";
  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    // The demo HUBs publish no communication plan: one gets two events and a document.
    const hub = await database.db.selectFrom("hubs").select("id").where("status", "=", "recognised").orderBy("slug", "desc").executeTakeFirstOrThrow();
    await database.db
      .insertInto("hub_events")
      .values([
        { hub_id: hub.id, position: 2, name: "Forum local", event_date: "2027-03-04" },
        { hub_id: hub.id, position: 1, name: "Launch", event_date: "2026-11-30" },
      ])
      .execute();
    await database.db.insertInto("hub_documents").values({ hub_id: hub.id, position: 1, title: "Plan", url: "https://example.org/plan.pdf" }).execute();
  });
  afterAll(async () => database?.destroy());

  async function expectSameAsModules(slug: string, cookie?: string) {
    const context = contextFor(database);
    for (const language of SUPPORTED_LANGUAGES) {
      const request = requestFor({ path: `/${language}/hubs/${slug}`, cookie });
      const page = await hubPageData(context, request, { slug, language, today });
      const hub = await getPublicHub(database.db, { slug, language, today });
      expect(hub).not.toBeNull();
      expect(page).toEqual({
        hub,
        progress: await publishedProgress(database.db, hub!.id, language),
        details: await publicHubDetails(database.db, hub!.id, language),
        network: await hubNetworkFor(context, request, { hubId: hub!.id, language }),
      });
    }
  }

  it("gives every public demo HUB, in every language, what each module reads alone", async () => {
    const slugs = (await database.db.selectFrom("hubs").select("slug").where("status", "in", ["recognised", "completed"]).orderBy("slug").execute()).map((row) => row.slug);
    expect(slugs.length).toBeGreaterThan(3);
    for (const slug of slugs) await expectSameAsModules(slug);
  });

  it("reads the parts that have rows: progress updates, the communication plan, links, councils and the label", async () => {
    const pages = await Promise.all(
      (await database.db.selectFrom("hubs").select("slug").where("status", "in", ["recognised", "completed"]).execute()).map((row) =>
        hubPageData(contextFor(database), requestFor({ path: "/en" }), { slug: row.slug, language: "en", today }),
      ),
    );
    expect(pages.some((page) => page!.progress.updates.length > 0 && page!.progress.series.length > 0)).toBe(true);
    expect(pages.some((page) => (page!.details?.communication.events.length ?? 0) > 0 && (page!.details?.communication.documents.length ?? 0) > 0)).toBe(true);
    expect(pages.some((page) => page!.network.links.length > 0)).toBe(true);
    expect(pages.some((page) => page!.network.councils.length > 0)).toBe(true);
    expect(pages.every((page) => page!.network.label !== null)).toBe(true);
  });

  it("gives a signed-in member the same as the modules too (partner suggestions)", async () => {
    const member = await loginAsDemo(database, "city");
    const slug = (await database.db.selectFrom("hubs").select("slug").where("status", "=", "recognised").orderBy("slug").executeTakeFirstOrThrow()).slug;
    await expectSameAsModules(slug, member.cookie);
    const page = await hubPageData(contextFor(database), requestFor({ path: `/en/hubs/${slug}`, cookie: member.cookie }), { slug, language: "en", today });
    expect(page!.network.suggestions).not.toBeNull();
  });

  it("is null for a slug that is not a public HUB", async () => {
    const draft = await database.db.selectFrom("hubs").select("slug").where("status", "not in", ["recognised", "completed"]).executeTakeFirst();
    for (const slug of ["no-such-hub", ...(draft ? [draft.slug] : [])]) {
      expect(await hubPageData(contextFor(database), requestFor({ path: "/en" }), { slug, language: "en", today })).toBeNull();
    }
  });
});
