import type { ResourceKey } from "i18next";
import type { Language } from "./config";

/** U+202F: French puts this narrow no-break space before ":" ";" "!" "?" and inside « ». */
export const NARROW_NO_BREAK_SPACE = "\u202F";
const NNBSP = NARROW_NO_BREAK_SPACE;

/**
 * French typography for one authored string: a plain or no-break space before ":" ";" "!" "?" and
 * "»", or after "«", becomes a narrow no-break space, and one is added where it is missing
 * ("Remarque: x" → "Remarque : x"). Only a mark that ends a word and is followed by a space or the end
 * counts, so "https://", "10:30" and "?lang=fr" stay as they are.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00A0\u202F]*([:;!?»])/gu, (whole, mark: string, offset: number, all: string) => {
      const before = all.slice(0, offset);
      const after = all.slice(offset + whole.length);
      const spaced = whole.length > 1;
      if (mark === "»") return before.length ? `${NNBSP}»` : whole;
      // A mark glued to a word counts only when a space or the end follows it; a spaced one always.
      if (!spaced && (!/[\p{L}\p{N})\]}"'…]$/u.test(before) || !(after === "" || /^\s/u.test(after)))) return whole;
      if (!before.length) return whole;
      return `${NNBSP}${mark}`;
    })
    .replace(/«[ \u00A0\u202F]*/gu, `«${NNBSP}`);
}

const TYPESETTERS: Partial<Record<Language, (text: string) => string>> = { fr: frenchTypography };

/**
 * A namespace's strings as they are shown in `language`: its typography rule applied to each
 * template once, when the namespace is loaded (server and browser alike, so hydration agrees).
 * Interpolated values (a HUB's title, a city) are never changed: they are filled in later.
 */
export function typesetResource(language: string, resource: ResourceKey): ResourceKey {
  const typeset = TYPESETTERS[language as Language];
  return typeset ? mapStrings(resource, typeset) : resource;
}

function mapStrings(value: ResourceKey, change: (text: string) => string): ResourceKey {
  if (typeof value === "string") return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item as ResourceKey, change));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item as ResourceKey, change)]));
  }
  return value;
}
