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
