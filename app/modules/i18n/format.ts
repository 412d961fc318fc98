import type { Language } from "./config";

// Intl formatters are costly to build (tens of microseconds each) and pages format hundreds of
// values: build each one once per language and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();

/** A 'YYYY-MM-DD' date in the reader's language ("22 nov. 2026", "Nov 22, 2026"). Calendar dates have no time zone. */
export function formatDate(isoDate: string, language: Language, style: "medium" | "long" = "medium"): string {
  const key = `${language}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant with its time, in UTC (the server does not know the reader's zone): "1 Dec 2026, 14:05 UTC". */
export function formatDateTime(isoInstant: string, language: Language): string {
  const key = `${language}|datetime`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" });
    dateFormats.set(key, format);
  }
  return `${format.format(new Date(isoInstant))} UTC`;
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  const key = options ? `${language}|${JSON.stringify(options)}` : language;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A country's name in the reader's language, from its ISO 3166-1 code. */
export function countryName(countryCode: string, language: Language): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region" });
    regionNames.set(language, names);
  }
  return names.of(countryCode) ?? countryCode;
}
