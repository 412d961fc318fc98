import { sql, type SelectQueryBuilder } from "kysely";
import type { HubTranslationTable } from "../../../db/schema";
import type { Language } from "~/modules/i18n/config";

/**
 * Which language a HUB's text is shown in, the one rule for every reader of HUB texts: the
 * reader's language where the HUB has it, else the HUB's original language. In SQL here (a query
 * over a HUB aliased `h` joins `original` and `translated` once, then selects `hubText(field)`),
 * and in TypeScript as `pickText` (app/modules/i18n/text-fallback.ts) for rows already read.
 */
export type HubTextField = Exclude<keyof HubTranslationTable, "hub_id" | "language" | "updated_at">;

/** Joins the HUB's original texts (`original`) and the reader's translation (`translated`, may be missing) to a query over `hubAlias`. */
export function joinHubTexts<QB extends SelectQueryBuilder<any, any, any>>(query: QB, language: Language, hubAlias = "h"): QB {
  // The aliases are read only through `hubText` and `hubTextLanguage`, so the builder's own type is kept.
  return query
    .innerJoin("hub_translations as original", (join: any) =>
      join.onRef("original.hub_id", "=", `${hubAlias}.id`).onRef("original.language", "=", `${hubAlias}.original_language`),
    )
    .leftJoin("hub_translations as translated", (join: any) =>
      join.onRef("translated.hub_id", "=", `${hubAlias}.id`).on("translated.language", "=", language),
    ) as QB;
}

/** A text field in the reader's language, else the original (after `joinHubTexts`). */
export function hubText(field: HubTextField) {
  return sql<string>`coalesce(nullif(${sql.ref(`translated.${field}`)}, ''), ${sql.ref(`original.${field}`)})`;
}

/** The language `hubText(fields…)` is shown in: the reader's when every one of `fields` is translated, else the original. */
export function hubTextLanguage(language: Language, fields: HubTextField[] = ["title"], hubAlias = "h") {
  const translated = sql.join(
    fields.map((field) => sql`coalesce(${sql.ref(`translated.${field}`)}, '') <> ''`),
    sql` and `,
  );
  return sql<Language>`(case when ${translated} then ${language}::text else ${sql.ref(`${hubAlias}.original_language`)}::text end)`;
}

/** The title of the HUB aliased `h` by the same rule, as a subquery, for queries that do not join the texts (null when it has none). */
export function hubTitleSql(language: Language, hubAlias = "h") {
  const hub = sql.ref(`${hubAlias}.id`);
  return sql<string>`coalesce((select nullif(t.title, '') from hub_translations t where t.hub_id = ${hub} and t.language = ${language}),
    (select t.title from hub_translations t where t.hub_id = ${hub} and t.language = ${sql.ref(`${hubAlias}.original_language`)}))`;
}
