import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../db/prepare";
import { createTestDatabase, engine, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe(`database on ${engine}`, () => {
  it("runs on the engine the suite asked for", () => {
    expect(database.kind).toBe(engine);
  });

  it("has the 17 SDG goals and 169 targets in three languages", async () => {
    const goals = await database.db.selectFrom("sdg_goals").selectAll().orderBy("number").execute();
    const targets = await database.db.selectFrom("sdg_targets").select(["id", "goal", "title_en", "title_es", "title_fr"]).execute();
    expect(goals).toHaveLength(17);
    expect(targets).toHaveLength(169);
    expect(goals[0]).toMatchObject({ number: 1, code: "SDG1", color: "#E5243B", short_en: "No poverty" });
    expect(targets.every((target) => target.title_en && target.title_es && target.title_fr)).toBe(true);
    expect(targets.find((target) => target.id === "11.2")?.goal).toBe(11);
  });

  it("applies the wording errata of the SDG data", async () => {
    const goals = await database.db.selectFrom("sdg_goals").select(["number", "short_es", "short_fr"]).orderBy("number").execute();
    const byNumber = new Map(goals.map((goal) => [goal.number, goal]));
    expect(byNumber.get(8)?.short_fr).toBe("Travail décent et croissance économique");
    expect(byNumber.get(7)?.short_fr).toBe("Énergie propre et d'un coût abordable");
    expect(byNumber.get(2)?.short_fr).toBe("Faim « zéro »");
    expect(byNumber.get(16)?.short_es).toBe("Paz, justicia e instituciones sólidas");
    expect(byNumber.get(1)?.short_es).toBe("Fin de la pobreza");
  });

  it("is idempotent: preparing an up-to-date database changes nothing", async () => {
    await prepareDatabase(database.db);
    const { count } = await database.db.selectFrom("sdg_goals").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(17);
  });

  it("returns calendar dates as strings and has unaccent for accent-insensitive search", async () => {
    const { rows } = await sql<{ day: string; plain: string }>`select date '2026-03-01' as day, unaccent('Bogotá Montréal') as plain`.execute(database.db);
    expect(rows[0]).toEqual({ day: "2026-03-01", plain: "Bogota Montreal" });
  });
});
