import { describe, expect, it } from "vitest";
import { isLanguage, pathInLanguage } from "~/modules/i18n/config";
import { countryName, formatDate, formatNumber } from "~/modules/i18n/format";

describe("pathInLanguage", () => {
  it("replaces the language segment and keeps the path and the query", () => {
    expect(pathInLanguage("/en/hubs/bogota", "?sdg=11&q=agua", "es")).toBe("/es/hubs/bogota?sdg=11&q=agua");
  });
  it("handles the bare language home", () => {
    expect(pathInLanguage("/fr", "", "en")).toBe("/en");
    expect(pathInLanguage("/", "", "fr")).toBe("/fr");
  });
  it("prefixes a path that has no language", () => {
    expect(pathInLanguage("/about", "", "es")).toBe("/es/about");
  });
});

describe("isLanguage", () => {
  it("accepts only en, es and fr", () => {
    expect(["en", "es", "fr"].every(isLanguage)).toBe(true);
    expect(isLanguage("de")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});

describe("locale formatting", () => {
  it("formats calendar dates in each language without shifting the day", () => {
    expect(formatDate("2026-03-01", "en", "long")).toBe("March 1, 2026");
    expect(formatDate("2026-03-01", "es", "long")).toBe("1 de marzo de 2026");
    expect(formatDate("2026-03-01", "fr", "long")).toBe("1 mars 2026");
  });
  it("formats numbers with each language's separators", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(formatNumber(12345.5, "es")).toBe("12.345,5");
    expect(formatNumber(12345.5, "fr")).toMatch(/^12\s345,5$/u);
  });
  it("gives a date the same text every time, apart for each language, style and day, past the bound it keeps", () => {
    for (const language of ["en", "es", "fr"] as const) {
      for (const style of ["medium", "long"] as const) {
        const first = formatDate("2026-03-01", language, style);
        expect(formatDate("2026-03-01T23:59:00Z", language, style)).toBe(first);
        expect(formatDate("2026-03-02", language, style)).not.toBe(first);
      }
    }
    expect(formatDate("2026-03-01", "en", "medium")).toBe("Mar 1, 2026");
    for (let day = 0; day < 12_000; day++) formatDate(new Date(Date.UTC(2000, 0, 1 + day)).toISOString(), "en");
    expect(formatDate("2026-03-01", "en", "long")).toBe("March 1, 2026");
    expect(formatDate("2032-11-08", "fr", "long")).toBe("8 novembre 2032");
  });
  it("names countries in the reader's language", () => {
    expect(countryName("MX", "en")).toBe("Mexico");
    expect(countryName("MX", "es")).toBe("México");
    expect(countryName("MX", "fr")).toBe("Mexique");
    expect(countryName("MX", "en")).toBe("Mexico");
    expect(countryName("FR", "es")).toBe("Francia");
  });
});
