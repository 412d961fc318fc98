import { describe, expect, it } from "vitest";
import { addYears, DraftProposalSchema, SubmitProposalSchema } from "~/modules/proposals/proposal-schema";

/**
 * The HUB timeline rule (proposal-schema.ts): the end date is at least one year and at most three
 * years after the start, both bounds included. A year after 29 February is 28 February in a
 * common year (addYears), so a HUB starting on 29 February may end on 28 February, never on 1 March
 * three years on.
 */
function timelineErrors(startDate: string, endDate: string, schema = DraftProposalSchema) {
  const result = schema.safeParse({ originalLanguage: "es", title: "HUB", latitude: 4.61, longitude: -74.08, startDate, endDate });
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join(".") === "endDate").map((issue) => issue.message);
}

const TOO_SHORT = "proposals:errors.timelineTooShort";
const TOO_LONG = "proposals:errors.timelineTooLong";

describe("the HUB timeline of 1 to 3 years, at its edges", () => {
  const cases: [story: string, start: string, end: string, errors: string[]][] = [
    ["exactly one year", "2027-03-15", "2028-03-15", []],
    ["one year less a day", "2027-03-15", "2028-03-14", [TOO_SHORT]],
    ["exactly three years", "2027-03-15", "2030-03-15", []],
    ["three years and a day", "2027-03-15", "2030-03-16", [TOO_LONG]],
    ["one year across a 29 February (366 days)", "2027-06-01", "2028-06-01", []],
    ["from 29 February, one year: 28 February", "2028-02-29", "2029-02-28", []],
    ["from 29 February, a day short of a year", "2028-02-29", "2029-02-27", [TOO_SHORT]],
    ["from 29 February, 1 March of the next year", "2028-02-29", "2029-03-01", []],
    ["from 29 February, three years: 28 February", "2028-02-29", "2031-02-28", []],
    ["from 29 February, three years and a day: 1 March", "2028-02-29", "2031-03-01", [TOO_LONG]],
    ["from 29 February to 29 February four years on", "2028-02-29", "2032-02-29", [TOO_LONG]],
    ["from 28 February to 29 February of a leap year, one year on", "2027-02-28", "2028-02-29", []],
    ["from 1 March of a leap year to 28 February next year", "2028-03-01", "2029-02-28", [TOO_SHORT]],
    ["an end on the start day", "2027-03-15", "2027-03-15", ["proposals:errors.endBeforeStart"]],
  ];
  for (const [story, start, end, errors] of cases) {
    it(`${story}: ${start} to ${end} ${errors.length ? `is refused (${errors.join(", ")})` : "is accepted"}`, () => {
      expect(timelineErrors(start, end)).toEqual(errors);
    });
  }

  it("is the same rule when submitting as when saving a draft", () => {
    for (const [, start, end, errors] of cases) expect(timelineErrors(start, end, SubmitProposalSchema)).toEqual(errors);
  });

  it("adds whole years, 29 February becoming 28 February in a common year", () => {
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2028-02-29", 3)).toBe("2031-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
    expect(addYears("2027-12-31", 1)).toBe("2028-12-31");
  });
});
