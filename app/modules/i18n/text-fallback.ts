import type { Language } from "./config";

/**
 * Which language a translated text is shown in, for rows already read: the reader's language
 * where the row for it has the field, else the original language's. The SQL form of the same rule
 * for HUB texts is `hubText` in app/modules/hubs/hub-texts.server.ts.
 */
export function pickText<Row extends { language: Language }, Field extends keyof Row>(
  rows: readonly Row[],
  field: Field,
  language: Language,
  originalLanguage: Language,
): { text: NonNullable<Row[Field]>; language: Language } | null {
  for (const candidate of [language, originalLanguage]) {
    const value = rows.find((row) => row.language === candidate)?.[field];
    if (value !== null && value !== undefined && value !== "") return { text: value as NonNullable<Row[Field]>, language: candidate };
  }
  return null;
}
