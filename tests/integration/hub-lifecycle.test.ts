import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicStatusOf, isoToday, type PublicHubStatus } from "~/modules/hubs/lifecycle";
import { loader as homeLoader } from "~/routes/$lang._index";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { loader as feedLoader } from "~/routes/$lang.feed[.]xml";
import { loader as councilLoader } from "~/routes/$lang.council._index";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as geojsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as mapLoader } from "~/routes/api.map";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { callRoute } from "../support/routes";
import { cookieFor } from "../support/sessions";

// The public status is derived from the stored status and the timeline on the day it is read:
// every reader (map list, map points, HUB page, CSV, GeoJSON, feed, council dashboard) must agree.
let database: TestDatabase;
let councilCookie: string;

/** A date `days` from today (negative: in the past), so the test does not age. */
function fromToday(days: number): string {
  const date = new Date(`${isoToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const HUBS: { slug: string; status: "recognised" | "completed"; start: number; end: number; expected: PublicHubStatus }[] = [
  { slug: "upcoming-hub", status: "recognised", start: 30, end: 30 + 730, expected: "recognised" },
  { slug: "running-hub", status: "recognised", start: -30, end: 700, expected: "active" },
  { slug: "ended-hub", status: "recognised", start: -1000, end: -1, expected: "ended" },
  { slug: "completed-hub", status: "completed", start: -1000, end: -10, expected: "completed" },
];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const organisation = await db
    .insertInto("organisations")
    .values({ name: "Ville de Lifecycle", kind: "local_government", country_code: "FR", region: "europe", city: "Lifecycle", latitude: 45, longitude: 5, verified_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [index, hub] of HUBS.entries()) {
    const row = await db
      .insertInto("hubs")
      .values({
        slug: hub.slug,
        status: hub.status,
        lead_organisation_id: organisation.id,
        original_language: "en",
        latitude: 45 + index,
        longitude: 5 + index,
        start_date: fromToday(hub.start),
        end_date: fromToday(hub.end),
        updated_at: new Date(),
        recognised_at: new Date(Date.now() - index * 1000),
        completed_at: hub.status === "completed" ? new Date() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("hub_translations")
      .values({ hub_id: row.id, language: "en", title: `Title of ${hub.slug}`, summary: "A summary.", description: "A description.", updated_at: new Date() })
      .execute();
    await db.insertInto("hub_goals").values({ hub_id: row.id, goal: 11, is_primary: true }).execute();
  }
  const council = await db
    .insertInto("users")
    .values({ email: "council@lifecycle.test", password_hash: "x", display_name: "Council member", role: "council", organisation_id: null, preferred_language: "en" })
    .returning("id")
    .executeTakeFirstOrThrow();
  councilCookie = await cookieFor(database, council.id);
});
afterAll(async () => {
  await database?.destroy();
});

describe("the public status, the same everywhere", () => {
  it("is decided by one rule at its edges: the start and end days are active, the day after the end is ended", () => {
    const hub = { status: "recognised" as const, startDate: "2027-01-01", endDate: "2028-12-31" };
    expect(publicStatusOf(hub, "2026-12-31")).toBe("recognised");
    expect(publicStatusOf(hub, "2027-01-01")).toBe("active");
    expect(publicStatusOf(hub, "2028-12-31")).toBe("active");
    expect(publicStatusOf(hub, "2029-01-01")).toBe("ended");
    expect(publicStatusOf({ ...hub, status: "completed" }, "2026-01-01")).toBe("completed");
    expect(publicStatusOf({ ...hub, status: "submitted" }, "2027-06-01")).toBeNull();
  });

  it("shows each HUB with the same status in the map list, map points, HUB page, CSV, GeoJSON, feed and council dashboard", async () => {
    const home = (await (await callRoute(homeLoader, database, { path: "/en", params: { lang: "en" } })).json()) as { list: { hubs: { slug: string; status: string }[] } };
    const csvText = await (await callRoute(csvLoader, database, { path: "/api/hubs.csv?lang=en", params: {} })).text();
    const csv = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    const geojson = (await (await callRoute(geojsonLoader, database, { path: "/api/hubs.geojson?lang=en", params: {} })).json()) as {
      features: { properties: { slug: string; status: string } }[];
    };
    const map = (await (await callRoute(mapLoader, database, { path: "/api/map?lang=en&zoom=18&bbox=-180,-85,180,85", params: {} })).json()) as {
      hubs?: { slug: string; status: string }[];
      points?: { slug?: string; status?: string }[];
    };
    const feed = await (await callRoute(feedLoader, database, { path: "/en/feed.xml", params: { lang: "en" } })).text();
    const dashboard = (await (
      await callRoute(councilLoader, database, { path: "/en/council?status=all", params: { lang: "en" }, cookie: councilCookie })
    ).json()) as { rows: { slug: string; status: string }[]; figures: { byStatus: Record<string, number> } };

    const mapPoints = JSON.stringify(map);
    for (const hub of HUBS) {
      const page = (await (await callRoute(hubPageLoader, database, { path: `/en/hubs/${hub.slug}`, params: { lang: "en", slug: hub.slug } })).json()) as {
        hub: { status: string };
      };
      expect(page.hub.status, `HUB page of ${hub.slug}`).toBe(hub.expected);
      expect(home.list.hubs.find((item) => item.slug === hub.slug)?.status, `map list, ${hub.slug}`).toBe(hub.expected);
      expect(csv.find((row) => row.slug === hub.slug)?.status, `CSV, ${hub.slug}`).toBe(hub.expected);
      expect(geojson.features.find((feature) => feature.properties.slug === hub.slug)?.properties.status, `GeoJSON, ${hub.slug}`).toBe(hub.expected);
      expect(mapPoints, `map points, ${hub.slug}`).toMatch(new RegExp(`"slug":"${hub.slug}"[^}]*"status":"${hub.expected}"|"status":"${hub.expected}"[^}]*"slug":"${hub.slug}"`));
      const entry = feed.split("<entry").find((part) => part.includes(`/hubs/${hub.slug}"`));
      expect(entry, `feed, ${hub.slug}`).toContain(`<category term="${hub.expected}"`);
    }
    // The dashboard lists HUBs being monitored (recognised), each with its public status.
    for (const hub of HUBS.filter((candidate) => candidate.status === "recognised")) {
      expect(dashboard.rows.find((row) => row.slug === hub.slug)?.status, `dashboard, ${hub.slug}`).toBe(hub.expected);
    }
    expect(dashboard.figures.byStatus).toMatchObject({ recognised: 1, active: 1, ended: 1, completed: 1 });
    expect(feed).toContain('label="Ended, final report due"');
  });

  it("filters by the public status: an ended HUB is not active", async () => {
    const active = (await (await callRoute(homeLoader, database, { path: "/en?status=active", params: { lang: "en" } })).json()) as { list: { hubs: { slug: string }[] } };
    expect(active.list.hubs.map((hub) => hub.slug)).toEqual(["running-hub"]);
    const ended = (await (await callRoute(homeLoader, database, { path: "/en?status=ended", params: { lang: "en" } })).json()) as { list: { hubs: { slug: string }[] } };
    expect(ended.list.hubs.map((hub) => hub.slug)).toEqual(["ended-hub"]);
  });
});
