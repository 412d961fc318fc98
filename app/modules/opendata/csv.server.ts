import Papa from "papaparse";

/**
 * The one CSV writer (every CSV the app sends goes through it): RFC 4180 on papaparse, CRLF line ends
 * and a last CRLF, a UTF-8 byte-order mark so spreadsheets read the accents, and a text cell that
 * starts with = + - @, a tab or a carriage return prefixed with an apostrophe (and quoted), so a HUB
 * titled `=HYPERLINK(…)` is shown as text and never run as a formula (OWASP "CSV injection").
 * Numbers are written as they are: a negative longitude stays a number.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

const OPTIONS = {
  newline: "\r\n",
  // papaparse's own `true` uses /^[=+\-@\t\r].*$/, which misses a formula followed by a line break.
  escapeFormulae: FORMULA_START,
  // Also quote text with other white space at either end (a tab, a line break), which papaparse leaves bare.
  quotes: (value: unknown) => typeof value === "string" && value !== value.trim(),
};

/**
 * The writer in pieces, for documents sent as a stream: `head()`, then `rows(…)` as many times as
 * needed, then `end()` give, joined, exactly `toCsvDocument(header, allRows)`.
 */
export function csvWriter(header: readonly string[]) {
  let written = 0;
  return {
    head: () => `\uFEFF${Papa.unparse([[...header]], OPTIONS)}\r\n`,
    rows: (rows: readonly (readonly CsvCell[])[]) => {
      if (rows.length === 0) return "";
      written += rows.length;
      return `${Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { ...OPTIONS, header: false })}\r\n`;
    },
    /**
     * What follows `count` lines made by `csvLine` (or from its pieces) and joined by CRLF, sent as
     * they are: together they are what `rows` writes for those rows.
     */
    linesEnd: (count: number) => {
      if (count === 0) return "";
      written += count;
      return "\r\n";
    },
    // A document without rows has always ended with an empty line (papaparse's header line ends with one).
    end: () => (written === 0 ? "\r\n" : ""),
  };
}

/**
 * One row's cells as the writer escapes them, without the line end: a cell is quoted or escaped on its
 * own, so a line can be put together from pieces made at different times (the stored open-data text,
 * opendata/export.server.ts) and still read as `rows` writes it.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return Papa.unparse([[...cells]], OPTIONS);
}

export function toCsvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const writer = csvWriter(header);
  return writer.head() + writer.rows(rows) + writer.end();
}
