import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchMatches } from "~/modules/hubs/hub-search.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * The search row carries whether its HUB is public, when it was recognised and its SDG goals
 * (migration 120), kept by triggers: a search answers from it without looking each match up.
 * Every write that changes those must reach it.
 */
const TODAY = "2026-11-22";
let database: TestDatabase;
let hub: { id: number; slug: string };

beforeAll(async () => {
  database = await createTestDatabase({ seedDemo: true, demoToday: TODAY });
  hub = await database.db.selectFrom("hubs").select(["id", "slug"]).where("slug", "=", "bogota-cycle-network").executeTakeFirstOrThrow();
});
afterAll(() => database?.destroy());

/** Every search row's stored columns equal what hubs and hub_goals say now. */
async function expectRowsCurrent() {
  const { rows } = await sql<{ hub_id: number }>`
    select s.hub_id from hub_search s join hubs h on h.id = s.hub_id
    where s.is_public is distinct from (h.status in ('recognised', 'completed'))
       or s.recognised_at is distinct from h.recognised_at
       or s.goals is distinct from (select string_agg(g.goal::text, ',' order by g.goal) from hub_goals g where g.hub_id = h.id)`.execute(database.db);
  expect(rows).toEqual([]);
}

describe("the search row", () => {
  it("is filled for the existing rows and the seeded HUBs", async () => {
    expect(Number((await database.db.selectFrom("hub_search").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBeGreaterThan(40);
    await expectRowsCurrent();
  });

  it("follows a HUB's status, its recognition date and its goals", async () => {
    const word = "ciclorrutas";
    expect((await searchMatches(database.db, word)).ids).toContain(hub.id);

    await database.db.updateTable("hubs").set({ status: "withdrawn" }).where("id", "=", hub.id).execute();
    await expectRowsCurrent();
    expect((await searchMatches(database.db, word)).ids).not.toContain(hub.id);

    await database.db.updateTable("hubs").set({ status: "recognised", recognised_at: new Date("2020-01-01T00:00:00Z") }).where("id", "=", hub.id).execute();
    await expectRowsCurrent();
    expect((await searchMatches(database.db, word)).ids).toContain(hub.id);

    const before = (await searchMatches(database.db, word)).goalCounts[14];
    await database.db.insertInto("hub_goals").values({ hub_id: hub.id, goal: 14, is_primary: false }).execute();
    await expectRowsCurrent();
    expect((await searchMatches(database.db, word)).goalCounts[14]).toBe(before + 1);
    await database.db.deleteFrom("hub_goals").where("hub_id", "=", hub.id).where("goal", "=", 14).execute();
    await expectRowsCurrent();
    expect((await searchMatches(database.db, word)).goalCounts[14]).toBe(before);
  });

  it("follows a new translation (a new row is filled as it is written)", async () => {
    await database.db.insertInto("hub_translations").values({ hub_id: hub.id, language: "fr", title: "Réseau cyclable", summary: "Pistes", updated_at: new Date() }).onConflict((oc) => oc.columns(["hub_id", "language"]).doUpdateSet({ title: "Réseau cyclable" })).execute();
    await expectRowsCurrent();
  });
});
