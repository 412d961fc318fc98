import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/api.hubs[.]csv";
import { loader as geoJsonLoader } from "~/routes/api.hubs[.]geojson";
import { loader as councilLoader } from "~/routes/$lang.council._index";
import { loader as reportLoader } from "~/routes/$lang.reports.$year";
import { loader as hubPageLoader } from "~/routes/$lang.hubs.$slug";
import { accelerationByHub } from "~/modules/network/acceleration.server";
import { useToday } from "../support/clock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createHub } from "../support/progress-fixtures";
import { callRoute } from "../support/routes";
import { loginAs, type SignedInUser } from "../support/sessions";

/** Impact in terms of acceleration (issue 16) wherever the network shows it: open data, council dashboard, annual report. */
const today = useToday("2027-01-01");

let database: TestDatabase;
let cityA: SignedInUser;
let cityB: SignedInUser;
let cityC: SignedInUser;
let council: SignedInUser;
let hubA: { id: number; slug: string; outcomeIds: number[] };
let hubB: { id: number; slug: string; outcomeIds: number[] };
let hubC: { id: number; slug: string; outcomeIds: number[] };

async function acceptedUpdate(
  hubId: number,
  periodEnd: string,
  values: {
    outcomeId: number;
    value: number | null;
    milestoneReached: boolean | null;
  }[],
  status: "accepted" | "submitted" = "accepted"
) {
  const update = await database.db
    .insertInto("progress_updates")
    .values({
      hub_id: hubId,
      kind: "progress",
      period_start: "2026-01-01",
      period_end: periodEnd,
      due_date: periodEnd,
      status,
      overall_status: "on_track",
      original_language: "en",
      updated_at: new Date(),
      accepted_at: status === "accepted" ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto("progress_update_outcomes")
    .values(
      values.map((row) => ({
        update_id: update.id,
        outcome_id: row.outcomeId,
        value: row.value,
        milestone_reached: row.milestoneReached,
        comment: null,
      }))
    )
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  cityA = await loginAs(database, "city");
  cityB = await loginAs(database, "city");
  cityC = await loginAs(database, "city");
  council = await loginAs(database, "council", { language: "fr" });
  // Each timeline is half elapsed on `today`.
  hubA = await createHub(database.db, {
    organisationId: cityA.organisationId!,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
  });
  hubB = await createHub(database.db, {
    organisationId: cityB.organisationId!,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
  });
  hubC = await createHub(database.db, {
    organisationId: cityC.organisationId!,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
  });
  const [treesA, schoolA] = hubA.outcomeIds;
  const [treesB, schoolB] = hubB.outcomeIds;
  // HUB A: 90 of 100 trees (ahead), the school not open (behind): on track as a whole.
  await acceptedUpdate(hubA.id, "2026-12-31", [
    { outcomeId: treesA, value: 90, milestoneReached: null },
    { outcomeId: schoolA, value: null, milestoneReached: false },
  ]);
  // HUB B: the school opened in an older report, the newer one says nothing of it; 80 trees now.
  await acceptedUpdate(hubB.id, "2026-06-30", [
    { outcomeId: treesB, value: 10, milestoneReached: null },
    { outcomeId: schoolB, value: null, milestoneReached: true },
  ]);
  await acceptedUpdate(hubB.id, "2026-12-31", [
    { outcomeId: treesB, value: 80, milestoneReached: null },
    { outcomeId: schoolB, value: null, milestoneReached: null },
  ]);
  // HUB C: only a report still under review, which does not count.
  await acceptedUpdate(
    hubC.id,
    "2026-12-31",
    [{ outcomeId: hubC.outcomeIds[0], value: 100, milestoneReached: null }],
    "submitted"
  );
});
afterAll(() => database?.destroy());

describe("acceleration of several HUBs at once", () => {
  it("counts each outcome's pace from its latest accepted report and gives each HUB an overall pace", async () => {
    const byHub = await accelerationByHub(
      database.db,
      [hubA.id, hubB.id, hubC.id],
      today
    );
    expect(byHub.get(hubA.id)).toEqual({
      counts: { ahead: 1, on_track: 0, behind: 1, not_measured: 0 },
      overall: "on_track",
    });
    expect(byHub.get(hubB.id)).toEqual({
      counts: { ahead: 2, on_track: 0, behind: 0, not_measured: 0 },
      overall: "ahead",
    });
    expect(byHub.get(hubC.id)).toEqual({
      counts: { ahead: 0, on_track: 0, behind: 0, not_measured: 2 },
      overall: "not_measured",
    });
    // Only the HUBs asked for are read.
    expect([
      ...(await accelerationByHub(database.db, [hubA.id], today)).keys(),
    ]).toEqual([hubA.id]);
  });

  it("the open data carries acceleration_pace per HUB, in the CSV and the GeoJSON", async () => {
    const csv = await (
      await callRoute(csvLoader, database, {
        path: "http://localhost/api/hubs.csv",
      })
    ).text();
    const rows = Papa.parse<Record<string, string>>(
      csv.replace(/^\uFEFF/, ""),
      { header: true, skipEmptyLines: true }
    ).data;
    const pace = (slug: string) =>
      rows.find((row) => row.slug === slug)?.acceleration_pace;
    expect([pace(hubA.slug), pace(hubB.slug), pace(hubC.slug)]).toEqual([
      "on_track",
      "ahead",
      "not_measured",
    ]);
    const geoJson = await (
      await callRoute(geoJsonLoader, database, {
        path: "http://localhost/api/hubs.geojson",
      })
    ).json();
    const feature = geoJson.features.find(
      (row: { properties: { slug: string } }) =>
        row.properties.slug === hubB.slug
    );
    expect(feature.properties.acceleration_pace).toBe("ahead");
  });

  it("the council dashboard shows each row's acceleration, for the page's HUBs only", async () => {
    const response = await callRoute(councilLoader, database, {
      path: "/fr/council",
      params: { lang: "fr" },
      cookie: council.cookie,
    });
    expect(response.status).toBe(200);
    const data = await response.json();
    const row = (slug: string) =>
      data.rows.find((entry: { slug: string }) => entry.slug === slug);
    expect(row(hubA.slug).acceleration).toEqual({
      counts: { ahead: 1, on_track: 0, behind: 1, not_measured: 0 },
      overall: "on_track",
    });
    expect(row(hubC.slug).acceleration.overall).toBe("not_measured");
    // A city has no dashboard.
    expect(
      (
        await callRoute(councilLoader, database, {
          path: "/fr/council",
          params: { lang: "fr" },
          cookie: cityA.cookie,
        })
      ).status
    ).toBe(403);
  });

  it("exchange participation: the HUB page counts the visible posts of its city's members", async () => {
    const thread = await database.db.insertInto("exchange_threads").values({ topic_kind: "general", title: "Trees", language: "en", created_by: cityA.id, last_post_at: new Date("2026-05-01T10:00:00Z") }).returning("id").executeTakeFirstOrThrow();
    await database.db
      .insertInto("exchange_posts")
      .values([
        { thread_id: thread.id, author_id: cityA.id, body: "We planted 90 trees.", created_at: new Date("2026-05-01T10:00:00Z") },
        { thread_id: thread.id, author_id: cityA.id, body: "Photos next week.", created_at: new Date("2026-05-02T10:00:00Z") },
        { thread_id: thread.id, author_id: cityA.id, body: "Spam", hidden: true, created_at: new Date("2026-05-03T10:00:00Z") },
        { thread_id: thread.id, author_id: cityB.id, body: "Congratulations!", created_at: new Date("2027-01-01T09:00:00Z") },
      ])
      .execute();
    const page = await (await callRoute(hubPageLoader, database, { path: `/en/hubs/${hubA.slug}`, params: { lang: "en", slug: hubA.slug } })).json();
    expect(page.network.synchronisation).toEqual({ links: 0, jointProducts: 0, eventsTogether: 0, exchangePosts: 2 });
  });

  it("the annual report shows the network's acceleration at the year's end and its synchronisation over the year", async () => {
    const link = await database.db
      .insertInto("hub_sync_requests")
      .values({ requester_hub_id: hubA.id, target_hub_id: hubB.id, status: "accepted", message: "Together", joint_activity: "Planting", created_at: new Date("2026-05-01T00:00:00Z"), decided_at: new Date("2026-06-01T00:00:00Z") })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db.insertInto("hub_joint_products").values({ sync_request_id: link.id, kind: "tool", title: "Tree toolkit", url: "https://example.org/toolkit", created_at: new Date("2026-07-01T00:00:00Z") }).execute();
    const event = await database.db.insertInto("network_events").values({ kind: "gathering", title_en: "Gathering", title_es: "Encuentro", title_fr: "Rencontre", starts_on: "2026-09-01", ends_on: "2026-09-02" }).returning("id").executeTakeFirstOrThrow();
    await database.db.insertInto("network_event_hubs").values([{ event_id: event.id, hub_id: hubA.id }, { event_id: event.id, hub_id: hubB.id }]).execute();
    // A report accepted for a period after the year's end does not change the year's acceleration.
    await acceptedUpdate(hubC.id, "2027-01-01", [{ outcomeId: hubC.outcomeIds[0], value: 100, milestoneReached: null }]);

    const data = await (await callRoute(reportLoader, database, { path: "/es/reports/2026", params: { lang: "es", year: "2026" } })).json();
    expect(data.impact.asOf).toBe("2026-12-31");
    expect(data.impact.paces).toEqual({ ahead: 3, on_track: 0, behind: 1, not_measured: 2 });
    expect(data.impact.synchronisation).toEqual({ links: 1, jointProducts: 1, eventsTogether: 1, exchangePosts: 2, exchangeOrganisations: 1 });
    // The following year counts the later report, and the link still in force, but none of 2026's products, events or posts.
    const next = await (await callRoute(reportLoader, database, { path: "/es/reports/2027", params: { lang: "es", year: "2027" } })).json();
    expect(next.impact.paces.not_measured).toBe(1);
    expect(next.impact.synchronisation).toEqual({ links: 1, jointProducts: 0, eventsTogether: 0, exchangePosts: 1, exchangeOrganisations: 1 });
  });
});
