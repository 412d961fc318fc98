import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";

import type { SdgGoal } from "./sdg";

/** The 17 goals with their official colours and titles in `language`. */
export async function listSdgGoals(db: DB, language: Language): Promise<SdgGoal[]> {
  const rows = await db
    .selectFrom("sdg_goals")
    .select(["number", "code", "color", "text_color", `short_${language}`, `title_${language}`])
    .orderBy("number")
    .execute();
  return rows.map((row) => ({
    number: row.number,
    code: row.code,
    color: row.color,
    textColor: row.text_color,
    short: (row as Record<string, unknown>)[`short_${language}`] as string,
    title: (row as Record<string, unknown>)[`title_${language}`] as string,
  }));
}

/** The SDG targets with their titles in `language`, by goal and position. */
export function listSdgTargets(db: DB, language: Language): Promise<{ id: string; goal: number; title: string }[]> {
  return db
    .selectFrom("sdg_targets")
    .select(["id", "goal", targetTitleColumn(language, "sdg_targets").as("title")])
    .orderBy("goal")
    .orderBy("position")
    .execute();
}

/** A target's title in `language` as a column of `table` (an alias such as "st" in a join). */
export function targetTitleColumn(language: Language, table = "st") {
  return sql.ref<string>(`${table}.title_${language}`);
}
