import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvWriter, toCsvDocument } from "~/modules/opendata/csv.server";

describe("the one CSV writer, in pieces for a stream", () => {
  const header = ["slug", "=title", "lon"];
  const rows = [
    ["a", "=HYPERLINK(1)", -3.5],
    ["b", " padded ", null],
    ["c", "comma, quote \" and\nline", 0],
  ];

  it("gives the same bytes in chunks as in one document, with and without rows", () => {
    for (const split of [0, 1, 2, 3]) {
      const writer = csvWriter(header);
      expect(writer.head() + writer.rows(rows.slice(0, split)) + writer.rows(rows.slice(split)) + writer.end()).toBe(toCsvDocument(header, rows));
    }
    const empty = csvWriter(header);
    expect(empty.head() + empty.rows([]) + empty.end()).toBe(toCsvDocument(header, []));
  });

  it("is what papaparse writes for the whole document, behind a byte-order mark", () => {
    const body = Papa.unparse({ fields: header, data: rows }, { newline: "\r\n", escapeFormulae: /^[=+\-@\t\r]/, quotes: (value: unknown) => typeof value === "string" && value !== value.trim() });
    expect(toCsvDocument(header, rows)).toBe(`\uFEFF${body}\r\n`);
  });
});
