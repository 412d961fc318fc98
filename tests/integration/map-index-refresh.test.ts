import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMapData, mapIndexesSettled, mapIndexFootprint, MAP_INDEX_MAX_STALE_MS, type MapData } from "~/modules/map/clusters.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * A large registry's map index is rebuilt in the background after a change while the previous one
 * answers, for at most MAP_INDEX_MAX_STALE_MS (docs/decisions/120-performance-at-scale.md). The
 * clock is passed in; `backgroundFrom: 0` treats the demo registry as large.
 */
const TODAY = "2026-11-22";
let database: TestDatabase;
let hub: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
  hub = await database.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
});
afterAll(() => database?.destroy());

function titleOf(data: MapData) {
  const points = data.items.flatMap((item) => (item.kind === "hub" ? [item] : (item.hubs ?? [])));
  return points.find((point) => point.slug === hub.slug)?.title;
}

async function rename(title: string) {
  await database.db.updateTable("hub_translations").set({ title }).where("hub_id", "=", hub.id).where("language", "=", "en").execute();
}

const view = { filters: {}, bbox: [-180, -85, 180, 85] as [number, number, number, number], zoom: 18, language: "en" as const, today: TODAY };

describe("the map index after a change", () => {
  it("answers from the previous index while the new one is built, then shows the change", async () => {
    const start = 1_000_000;
    await rename("Bogotá cycle network");
    const before = await getMapData(database.db, { ...view, now: start, backgroundFrom: 0 });
    expect(titleOf(before)).toBe("Bogotá cycle network");

    await rename("Bogotá bike lanes");
    const during = await getMapData(database.db, { ...view, now: start + 1_000, backgroundFrom: 0 });
    expect(titleOf(during)).toBe("Bogotá cycle network");
    expect(during.version).toBe(before.version);

    await mapIndexesSettled(database.db);
    const after = await getMapData(database.db, { ...view, now: start + 1_500, backgroundFrom: 0 });
    expect(titleOf(after)).toBe("Bogotá bike lanes");
    expect(after.version).toBeGreaterThan(before.version);
  });

  it("never answers from an index older than the bound: past it, the request waits for the new one", async () => {
    const start = 2_000_000;
    await getMapData(database.db, { ...view, now: start, backgroundFrom: 0 });
    await rename("Bogotá cycle lanes");
    expect(titleOf(await getMapData(database.db, { ...view, now: start + 10, backgroundFrom: 0 }))).not.toBe("Bogotá cycle lanes");
    const late = await getMapData(database.db, { ...view, now: start + 10 + MAP_INDEX_MAX_STALE_MS, backgroundFrom: 0 });
    expect(titleOf(late)).toBe("Bogotá cycle lanes");
  });

  it("rebuilds a small registry's index at once: the next request shows the change", async () => {
    await getMapData(database.db, view);
    await rename("Bogotá on two wheels");
    expect(titleOf(await getMapData(database.db, view))).toBe("Bogotá on two wheels");
  });

  it("keeps its indexes within a budget of points, least recently used out, so memory stays bounded whatever filters are asked", async () => {
    await mapIndexesSettled(database.db);
    const sdg11 = { ...view, filters: { sdg: 11 } };
    const all = (await getMapData(database.db, view)).total;
    const some = (await getMapData(database.db, sdg11)).total;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    // Within the default budget both stay.
    expect(mapIndexFootprint(database.db).points).toBeGreaterThanOrEqual(all + some);

    // A budget of one full registry: asking for everything drops every other index.
    await getMapData(database.db, { ...view, maxIndexedPoints: all });
    expect(mapIndexFootprint(database.db)).toEqual({ indexes: 1, points: all });
    // Then SDG 11: the full index is now the least recently used, and goes.
    const filtered = await getMapData(database.db, { ...sdg11, maxIndexedPoints: all });
    expect(filtered.total).toBe(some);
    expect(mapIndexFootprint(database.db)).toEqual({ indexes: 1, points: some });
    // The dropped index is built again when asked for: the same answer.
    expect((await getMapData(database.db, { ...view, maxIndexedPoints: all })).total).toBe(all);
  });
});
