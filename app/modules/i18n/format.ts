import type { Language } from "./config";

/** A 'YYYY-MM-DD' date in the reader's language ("22 nov. 2026", "Nov 22, 2026"). Calendar dates have no time zone. */
export function formatDate(isoDate: string, language: Language, style: "medium" | "long" = "medium"): string {
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A country's name in the reader's language, from its ISO 3166-1 code. */
export function countryName(countryCode: string, language: Language): string {
  return new Intl.DisplayNames([language], { type: "region" }).of(countryCode) ?? countryCode;
}
