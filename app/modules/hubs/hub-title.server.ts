import { sql } from "kysely";
import type { Language } from "~/modules/i18n/config";

/** The title of the HUB aliased `h` in `language`, else in its original language (null when it has none). */
export function hubTitleSql(language: Language) {
  return sql<string>`coalesce((select t.title from hub_translations t where t.hub_id = h.id and t.language = ${language}),
    (select t.title from hub_translations t where t.hub_id = h.id and t.language = h.original_language))`;
}
