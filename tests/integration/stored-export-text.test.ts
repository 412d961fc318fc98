import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamCsv, streamGeoJson } from "~/modules/opendata/export.server";
import { exportStamp, storeText } from "~/modules/opendata/export-text.server";
import { csvLine } from "~/modules/opendata/csv.server";
import { PUBLIC_HUB_STATUSES } from "~/modules/hubs/lifecycle";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * The exports read each HUB's stored text (docs/decisions/120-performance-at-scale.md, section 4).
 * Whatever is written, an export must send what an export made from the rows alone sends: after
 * every kind of write the export shows, after a day passes, in both formats. Each case first checks
 * that the write changed the export (so the comparison is not of two unchanged files).
 */
const TODAY = "2026-11-22";
const ORIGIN = "https://registry.example.org";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
});
afterAll(() => database?.destroy());

type Format = "geojson" | "csv";

async function exportText(format: Format, { language = "en" as const, today = TODAY, chunkSize = 4 } = {}) {
  const options = { language, today, filters: {}, origin: ORIGIN, chunkSize };
  const stream = format === "geojson" ? await streamGeoJson(database.db, options) : await streamCsv(database.db, options);
  return new Response(stream).text();
}

/** The same export with nothing stored: every HUB's text made from its rows. */
async function exportFromRows(format: Format, options: { today?: string } = {}) {
  await database.db.deleteFrom("hub_export_text").execute();
  return exportText(format, options);
}

async function storedRows(format: Format) {
  const row = await database.db.selectFrom("hub_export_text").select(sql<number>`count(*)::int`.as("count")).where("format", "=", format).executeTakeFirstOrThrow();
  return row.count;
}

async function publicHubIds() {
  const rows = await database.db.selectFrom("hubs").select(["id", "lead_organisation_id", "theme_id"]).where("status", "in", ["recognised", "completed"]).orderBy("id").execute();
  expect(rows.length).toBeGreaterThan(3);
  return rows;
}

describe("stored open-data text", () => {
  it("is stored by the first export and read by the next, with the same bytes", async () => {
    for (const format of ["geojson", "csv"] as const) {
      const fromRows = await exportFromRows(format);
      const hubs = await publicHubIds();
      expect(await storedRows(format)).toBe(hubs.length);
      expect(await exportText(format)).toBe(fromRows);
      // Another origin (PUBLIC_URL changed) makes every text again, with its own links.
      const elsewhere = await streamGeoJson(database.db, { language: "en", today: TODAY, filters: {}, origin: "https://elsewhere.example.org" });
      expect(await new Response(elsewhere).text()).toContain("https://elsewhere.example.org/en/hubs/");
    }
  });

  const writes: [name: string, write: () => Promise<unknown>][] = [
    [
      "a HUB's title",
      async () => {
        const [hub] = await publicHubIds();
        await database.db.updateTable("hub_translations").set({ title: sql`title || ' (renamed)'` }).where("hub_id", "=", hub.id).execute();
      },
    ],
    [
      "a goal added and the targets removed",
      async () => {
        const [, hub] = await publicHubIds();
        await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 17, is_primary: false }).onConflict((conflict) => conflict.doNothing()).execute();
        await database.db.deleteFrom("hub_targets").where("hub_id", "=", hub.id).execute();
      },
    ],
    [
      "a participating city",
      async () => {
        const [hub, other] = await publicHubIds();
        await database.db.insertInto("hub_participants").values({ hub_id: hub.id, organisation_id: other.lead_organisation_id }).onConflict((conflict) => conflict.doNothing()).execute();
      },
    ],
    [
      "a lead organisation's name (shared data)",
      async () => {
        const [, , hub] = await publicHubIds();
        await database.db.updateTable("organisations").set({ name: sql`name || ' renamed'` }).where("id", "=", hub.lead_organisation_id).execute();
      },
    ],
    [
      "a theme's name (shared data)",
      async () => {
        const hub = (await publicHubIds()).find((row) => row.theme_id !== null)!;
        await database.db.updateTable("themes").set({ name_en: sql`name_en || ' renamed'` }).where("id", "=", hub.theme_id!).execute();
      },
    ],
    [
      "a Policy Council linked, then its slug changed",
      async () => {
        const [hub] = await publicHubIds();
        const council = await database.db.selectFrom("policy_councils").select("id").orderBy("id").executeTakeFirstOrThrow();
        await database.db.insertInto("hub_policy_councils").values({ hub_id: hub.id, council_id: council.id }).onConflict((conflict) => conflict.doNothing()).execute();
        await exportText("geojson");
        await database.db.updateTable("policy_councils").set({ slug: "renamed-council" }).where("id", "=", council.id).execute();
      },
    ],
    [
      "a synchronisation accepted, then a joint product",
      async () => {
        // Two public HUBs not linked yet (one open or accepted request per pair).
        const [hub, other] = (await sql<{ a: number; b: number }>`
          select a.id as a, b.id as b from hubs a join hubs b on a.id < b.id
          where a.status in ('recognised', 'completed') and b.status in ('recognised', 'completed')
            and not exists (select 1 from hub_sync_requests r where least(r.requester_hub_id, r.target_hub_id) = a.id and greatest(r.requester_hub_id, r.target_hub_id) = b.id)
          order by a.id, b.id limit 1`.execute(database.db)).rows.map((row) => [row.a, row.b])[0];
        const request = await database.db
          .insertInto("hub_sync_requests")
          .values({ requester_hub_id: hub, target_hub_id: other, status: "accepted", message: "Let us work together.", joint_activity: "A shared tool" })
          .returning("id")
          .executeTakeFirstOrThrow();
        await exportText("csv");
        await database.db.insertInto("hub_joint_products").values({ sync_request_id: request.id, kind: "tool", title: "Shared tool", url: "https://example.org/tool" }).execute();
      },
    ],
    [
      "a synchronised HUB's slug",
      async () => {
        const request = await database.db.selectFrom("hub_sync_requests").select("target_hub_id").where("status", "=", "accepted").orderBy("id", "desc").executeTakeFirstOrThrow();
        await database.db.updateTable("hubs").set({ slug: "renamed-partner-hub" }).where("id", "=", request.target_hub_id).execute();
      },
    ],
    [
      "a HUB's end date (its public status)",
      async () => {
        const [hub] = await publicHubIds();
        await database.db.updateTable("hubs").set({ start_date: "2024-01-01", end_date: "2025-12-31" }).where("id", "=", hub.id).execute();
      },
    ],
    [
      "a HUB withdrawn",
      async () => {
        const hubs = await publicHubIds();
        await database.db.updateTable("hubs").set({ status: "withdrawn" }).where("id", "=", hubs[hubs.length - 1].id).execute();
      },
    ],
  ];

  for (const [name, write] of writes) {
    it(`sends what the rows say after a write: ${name}`, async () => {
      // Both formats stored and current before the write.
      const before = { geojson: await exportText("geojson"), csv: await exportText("csv") };
      await exportText("geojson");
      await write();
      for (const format of ["geojson", "csv"] as const) {
        const stored = await exportText(format);
        const fromRows = await exportFromRows(format);
        expect(fromRows).not.toBe(before[format]);
        expect(stored).toBe(fromRows);
      }
    });
  }

  it("puts each HUB's status and pace of the day in, without a write", async () => {
    const later = "2029-06-30";
    for (const format of ["geojson", "csv"] as const) {
      const today = await exportText(format);
      await exportText(format, { today: later });
      const stored = await exportText(format, { today: later });
      const fromRows = await exportFromRows(format, { today: later });
      expect(fromRows).not.toBe(today);
      expect(stored).toBe(fromRows);
    }
  });

  it("keeps text only for the HUB version it was made from", async () => {
    const [hub] = await publicHubIds();
    await database.db.deleteFrom("hub_export_text").execute();
    const stamp = await exportStamp(database.db, ORIGIN);
    const { version } = await database.db.selectFrom("hub_public_versions").select("version").where("hub_id", "=", hub.id).executeTakeFirstOrThrow();
    const row = { hubId: hub.id, status: "recognised", startDate: "2026-01-01", endDate: "2027-12-31", pieces: { head: "h", middle: "m", tail: "t" } };
    await storeText(database.db, { language: "en", format: "csv", stamp, rows: [{ ...row, version: Number(version) - 1 }] });
    expect(await storedRows("csv")).toBe(0);
    await storeText(database.db, { language: "en", format: "csv", stamp, rows: [{ ...row, version: Number(version) }] });
    expect(await storedRows("csv")).toBe(1);
    // The HUB's next write forgets it.
    await database.db.updateTable("hub_translations").set({ summary: sql`summary || '.'` }).where("hub_id", "=", hub.id).execute();
    expect(await storedRows("csv")).toBe(0);
  });

  it("writes each status and pace as the formats write a value (the database puts them in)", () => {
    for (const word of [...PUBLIC_HUB_STATUSES, "ahead", "on_track", "behind", "not_measured"]) {
      expect(csvLine([word])).toBe(word);
      expect(JSON.stringify(word)).toBe(`"${word}"`);
    }
  });
});
