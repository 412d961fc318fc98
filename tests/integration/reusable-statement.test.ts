import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DB } from "../../db/index";
import { reusableStatement } from "../../db/reusable-statement";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("a statement compiled once and run with each call's values (db/reusable-statement.ts)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
  });
  afterAll(async () => database?.destroy());

  const goalTitle = (db: DB, { goal, prefix }: { goal: number; prefix: string }, language: Language) =>
    db
      .selectFrom("sdg_goals")
      .select(["number", language === "fr" ? "title_fr as title" : language === "es" ? "title_es as title" : "title_en as title"])
      .where("number", "=", goal)
      .where(sql<boolean>`${sql.lit("x")} <> ${prefix}`);

  it("gives each call its own values' rows, the same as the statement built for them, and builds once per shape", async () => {
    const build = vi.fn(goalTitle);
    const statement = reusableStatement("goal title", build);
    for (const language of SUPPORTED_LANGUAGES) {
      for (const goal of [1, 11, 17]) {
        const rows = await statement.execute(database.db, { goal, prefix: `p${goal}` }, language);
        expect(rows).toEqual(await goalTitle(database.db, { goal, prefix: `p${goal}` }, language).execute());
        expect(rows).toHaveLength(1);
      }
    }
    expect(await statement.execute(database.db, { goal: 99, prefix: "p" }, "en")).toEqual([]);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it("refuses a value that is written into the text, changed on its way, or never used", async () => {
    const inlined = reusableStatement("inlined", (db: DB, { goal }: { goal: string }, _shape: "one") =>
      db.selectFrom("sdg_goals").select("number").where(sql<boolean>`code = ${sql.lit(goal)}`),
    );
    await expect(inlined.execute(database.db, { goal: "1" }, "one")).rejects.toThrow(/text/);
    const changed = reusableStatement("changed", (db: DB, { code }: { code: string }, _shape: "one") =>
      db.selectFrom("sdg_goals").select("number").where("code", "like", `${code}%`),
    );
    await expect(changed.execute(database.db, { code: "1" }, "one")).rejects.toThrow(/changed/);
    const unused = reusableStatement("unused", (db: DB, _values: { code: string }, _shape: "one") => db.selectFrom("sdg_goals").select("number"));
    await expect(unused.execute(database.db, { code: "1" }, "one")).rejects.toThrow(/never reached/);
  });

  it("serves the public HUB page: each HUB its own, in each language", async () => {
    const slugs = (await database.db.selectFrom("hubs").select("slug").where("status", "=", "recognised").orderBy("slug").limit(3).execute()).map((row) => row.slug);
    expect(slugs.length).toBeGreaterThan(1);
    const themeNames = new Set<string>();
    for (const language of SUPPORTED_LANGUAGES) {
      for (const slug of slugs) {
        const hub = await getPublicHub(database.db, { slug, language, today: "2026-12-01" });
        expect(hub?.slug).toBe(slug);
        if (slug === slugs[0] && hub?.theme) themeNames.add(hub.theme.name);
      }
    }
    // The language is the statement's shape: the theme's name comes in each language.
    expect(themeNames.size).toBe(3);
    expect(await getPublicHub(database.db, { slug: "no-such-hub", language: "en", today: "2026-12-01" })).toBeNull();
  });
});
