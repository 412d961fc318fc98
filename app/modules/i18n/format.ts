import type { Language } from "./config";

// Intl formatters are costly to build (tens of microseconds each) and pages format hundreds of
// values: build each one once per language and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();

// Formatting a value costs microseconds too, and the same days and countries come back on page after
// page: the text of each is kept, up to a bound (then the memory starts again).
const MAX_REMEMBERED = 10_000;
const formattedDates = new Map<string, string>();
const countryNames = new Map<string, string>();

function remembered(texts: Map<string, string>, key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    if (texts.size >= MAX_REMEMBERED) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** A 'YYYY-MM-DD' date in the reader's language ("22 nov. 2026", "Nov 22, 2026"). Calendar dates have no time zone. */
export function formatDate(isoDate: string, language: Language, style: "medium" | "long" = "medium"): string {
  const day = isoDate.slice(0, 10);
  return remembered(formattedDates, `${language}|${style}|${day}`, () => {
    const key = `${language}|${style}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: "UTC" });
      dateFormats.set(key, format);
    }
    return format.format(new Date(`${day}T00:00:00Z`));
  });
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
  return remembered(countryNames, `${language}|${countryCode}`, () => {
    let names = regionNames.get(language);
    if (!names) {
      names = new Intl.DisplayNames([language], { type: "region" });
      regionNames.set(language, names);
    }
    return names.of(countryCode) ?? countryCode;
  });
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (a call's deadline) in the reader's language with its time zone named ("Tuesday 12 January
 * 2027 at 17:00 UTC"). In UTC: the server does not know the reader's zone, and a deadline stated in one
 * named zone is the same for everyone (docs/decisions/140-calls-for-proposals.md).
 */
export function formatDateTime(instant: string | Date, language: Language): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
    dateTimeFormats.set(language, format);
  }
  return format.format(new Date(instant));
}
