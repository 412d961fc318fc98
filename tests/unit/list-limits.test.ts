import { describe, expect, it } from "vitest";
import { findListLimitRefusal, fieldPath } from "~/modules/forms/list-limits";
import { SignupSchema } from "~/modules/accounts/schemas";
import { ProgressUpdateSchema } from "~/modules/progress/progress-form";
import { ProposalConstraintSchema, SubmitProposalSchema } from "~/modules/proposals/proposal-schema";

describe("list limits, read from each form's schema before anything is parsed", () => {
  it("reads field names as Conform does and refuses the ones it would throw on", () => {
    expect(fieldPath("outcomes[3].statement")).toEqual(["outcomes", 3, "statement"]);
    expect(fieldPath("translations.en.title")).toEqual(["translations", "en", "title"]);
    for (const name of ["a..b", "a[x]", "__proto__.x", "a.constructor", "outcomes[]", "outcomes[1234567]", "a]"]) expect(fieldPath(name), name).toBeNull();
  });

  it.each([
    ["outcomes[49].statement", null],
    ["outcomes[50].statement", "tooManyRows"],
    ["outcomes[10000].statement", "tooManyRows"],
    ["documents[49].url", null],
    ["documents[50].url", "tooManyRows"],
    ["translations.en.title", null],
    ["title[0]", "notAList"],
    ["unknown[3]", "notAList"],
    ["unknown.deeper[3]", "notAList"],
    ["unknown", null],
  ])("the proposal form: %s → %s", (name, reason) => {
    expect(findListLimitRefusal([name], ProposalConstraintSchema)?.reason ?? null).toBe(reason);
    // The refined (superRefine) schema gives the same answer as its base shape.
    expect(findListLimitRefusal([name], SubmitProposalSchema)?.reason ?? null).toBe(reason);
  });

  it.each([
    ["activities[19].title", null],
    ["activities[20].title", "tooManyRows"],
    ["evidence[20].url", "tooManyRows"],
    ["outcomes[49].outcomeId", null],
    ["outcomes[50].outcomeId", "tooManyRows"],
  ])("the progress form: %s → %s", (name, reason) => {
    expect(findListLimitRefusal([name], ProgressUpdateSchema)?.reason ?? null).toBe(reason);
  });

  it("counts a repeated multiple choice against its list's maximum, and follows a union of objects (sign-up)", () => {
    expect(findListLimitRefusal(Array(100).fill("participants"), ProposalConstraintSchema)).toBeNull();
    expect(findListLimitRefusal(Array(101).fill("participants"), ProposalConstraintSchema)?.reason).toBe("tooManyRows");
    expect(findListLimitRefusal(["organisationId", "mode"], SignupSchema)).toBeNull();
    expect(findListLimitRefusal(["organisationId[5]"], SignupSchema)?.reason).toBe("notAList");
  });
});
