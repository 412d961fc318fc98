import { message, z } from "~/modules/forms/messages";
import { databaseId, databaseInt, httpUrl, isoDate } from "~/modules/forms/values";

export const OVERALL_STATUSES = ["on_track", "at_risk", "off_track", "achieved"] as const;
export const UPDATE_STATUSES = ["draft", "submitted", "clarification_requested", "accepted"] as const;

const optionalText = (max: number) => z.string().trim().max(max).optional();

const OutcomeEntry = z.object({
  outcomeId: databaseId,
  kind: z.enum(["numeric", "milestone"]),
  value: z.number().finite().optional(),
  milestoneReached: z.enum(["yes", "no"]).optional(),
  comment: optionalText(2000),
});

const ActivityEntry = z
  .object({ title: optionalText(300), heldOn: isoDate.optional() })
  .optional();

const EvidenceEntry = z.object({ url: httpUrl.optional(), label: optionalText(200) }).optional();

/**
 * One schema for the progress-update form, shared by the action and the browser.
 * "save" keeps a draft (only what is typed must be valid); "submit" also needs every outcome reported.
 */
export const ProgressUpdateSchema = z
  .object({
    intent: z.enum(["save", "submit"]),
    version: databaseInt().optional(),
    overallStatus: z.enum(OVERALL_STATUSES),
    narrative: z.string().trim().min(1).max(8000),
    translation_en: optionalText(8000),
    translation_es: optionalText(8000),
    translation_fr: optionalText(8000),
    // A HUB has at most 50 outcomes (proposal-schema), so a report has at most 50 rows of them.
    outcomes: z.array(OutcomeEntry).max(50).default([]),
    activities: z.array(ActivityEntry).max(20).default([]),
    evidence: z.array(EvidenceEntry).max(20).default([]),
  })
  .superRefine((value, context) => {
    value.activities.forEach((activity, index) => {
      if (!activity) return;
      if (activity.title && !activity.heldOn) context.addIssue({ code: "custom", path: ["activities", index, "heldOn"], message: message("validation:required") });
      if (!activity.title && activity.heldOn) context.addIssue({ code: "custom", path: ["activities", index, "title"], message: message("validation:required") });
    });
    value.evidence.forEach((entry, index) => {
      if (entry && entry.label && !entry.url) context.addIssue({ code: "custom", path: ["evidence", index, "url"], message: message("validation:required") });
    });
    if (value.intent !== "submit") return;
    value.outcomes.forEach((outcome, index) => {
      if (outcome.kind === "numeric" && outcome.value === undefined) {
        context.addIssue({ code: "custom", path: ["outcomes", index, "value"], message: message("monitoring:form.outcomeValueRequired") });
      }
      if (outcome.kind === "milestone" && outcome.milestoneReached === undefined) {
        context.addIssue({ code: "custom", path: ["outcomes", index, "milestoneReached"], message: message("monitoring:form.milestoneRequired") });
      }
    });
  });
export type ProgressUpdateInput = z.infer<typeof ProgressUpdateSchema>;

export const ReviewSchema = z
  .object({
    intent: z.enum(["accept", "clarify"]),
    version: databaseInt(),
    comment: optionalText(4000),
  })
  .superRefine((value, context) => {
    if (value.intent === "clarify" && !value.comment) {
      context.addIssue({ code: "custom", path: ["comment"], message: message("monitoring:review.commentRequired") });
    }
  });

export const CadenceSchema = z.object({
  version: databaseInt().optional(),
  intervalMonths: z.number().int().min(1).max(12),
});
