import { message, z } from "~/modules/forms/messages";
import { decimalField } from "~/modules/forms/decimal";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { databaseId, databaseInt, httpUrl, isoDate, URL_MAX_LENGTH } from "~/modules/forms/values";
import { TEXT_FIELDS, type TextField } from "./text-fields";

/**
 * The HUB proposal form: one schema for the browser (constraints) and the server (parseWithZod).
 * `proposalSchema("draft")` checks shapes, limits and the cross-field rules for whatever is filled in;
 * `proposalSchema("submit")` also requires everything a complete proposal needs.
 * (The table needs a location and a timeline, so a draft has them from the start.)
 */

export { TEXT_FIELDS, type TextField };

/** The hub_translations column of each text field of the form. */
export const TEXT_COLUMNS: Record<TextField, "title" | "summary" | "description" | "local_global_link" | "acceleration" | "synchronisation"> = {
  title: "title",
  summary: "summary",
  description: "description",
  localGlobalLink: "local_global_link",
  acceleration: "acceleration",
  synchronisation: "synchronisation",
};
export const REQUIRED_ON_SUBMIT: TextField[] = [...TEXT_FIELDS];

export const LIMITS = { title: 200, summary: 300, long: 10_000, short: 500, email: 254, url: URL_MAX_LENGTH } as const;

/** Adds whole years to a 'YYYY-MM-DD' date (29 February becomes 28 February in a common year). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

const optionalText = (max: number) => z.string().trim().max(max).optional();
const translationShape = z.object({
  title: optionalText(LIMITS.title),
  summary: optionalText(LIMITS.summary),
  description: optionalText(LIMITS.long),
  localGlobalLink: optionalText(LIMITS.long),
  acceleration: optionalText(LIMITS.long),
  synchronisation: optionalText(LIMITS.long),
});
export type TranslationInput = z.infer<typeof translationShape>;

const outcomeShape = z.object({
  statement: optionalText(LIMITS.short),
  indicator: optionalText(LIMITS.short),
  baseline: z.number().finite().optional(),
  targetValue: z.number().finite().optional(),
  unit: optionalText(100),
  milestone: optionalText(LIMITS.short),
  dueDate: isoDate.optional(),
});

const eventShape = z.object({ name: optionalText(LIMITS.short), date: isoDate.optional() });
const documentShape = z.object({ title: optionalText(LIMITS.short), url: httpUrl.optional() });
const partnerShape = z.object({ name: optionalText(LIMITS.short) });

const baseShape = z.object({
  version: databaseInt().optional(),
  /** The call for proposals the HUB answers (app/modules/calls decides which are open). */
  callId: databaseId.optional(),
  originalLanguage: z.enum(SUPPORTED_LANGUAGES),
  title: z.string().trim().min(1).max(LIMITS.title),
  summary: optionalText(LIMITS.summary),
  description: optionalText(LIMITS.long),
  localGlobalLink: optionalText(LIMITS.long),
  acceleration: optionalText(LIMITS.long),
  synchronisation: optionalText(LIMITS.long),
  translations: z
    .object({ en: translationShape.optional(), es: translationShape.optional(), fr: translationShape.optional() })
    .optional(),
  themeId: databaseId.optional(),
  latitude: decimalField(z.number().min(-90).max(90)),
  longitude: decimalField(z.number().min(-180).max(180)),
  participants: z.array(databaseId).max(100).optional(),
  goals: z.array(z.number().int().min(1).max(17)).max(17).optional(),
  primaryGoal: z.number().int().min(1).max(17).optional(),
  targets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .max(169)
    .optional(),
  startDate: isoDate,
  endDate: isoDate,
  outcomes: z.array(outcomeShape).max(50).optional(),
  partners: z.array(partnerShape).max(100).optional(),
  synchronisedHubs: z.array(databaseId).max(100).optional(),
  channels: optionalText(LIMITS.long),
  events: z.array(eventShape).max(100).optional(),
  documents: z.array(documentShape).max(50).optional(),
  contactEmail: z.string().trim().email().max(LIMITS.email).optional(),
  website: httpUrl.optional(),
});

export type ProposalInput = z.infer<typeof baseShape>;
export type ProposalMode = "draft" | "submit";

function checkRules(value: ProposalInput, context: z.RefinementCtx, mode: ProposalMode) {
  const issue = (path: (string | number)[], key: string, values?: Record<string, string | number>) =>
    context.addIssue({ code: z.ZodIssueCode.custom, path, message: message(key, values) });

  // Timeline: 1 to 3 years.
  if (value.endDate <= value.startDate) issue(["endDate"], "proposals:errors.endBeforeStart");
  else if (value.endDate < addYears(value.startDate, 1)) issue(["endDate"], "proposals:errors.timelineTooShort");
  else if (value.endDate > addYears(value.startDate, 3)) issue(["endDate"], "proposals:errors.timelineTooLong");

  // Goals, primary goal, targets of chosen goals only.
  const goals = value.goals ?? [];
  if (new Set(goals).size !== goals.length) issue(["goals"], "validation:invalid");
  if (value.primaryGoal !== undefined && !goals.includes(value.primaryGoal)) issue(["primaryGoal"], "proposals:errors.primaryNotChosen");
  for (const target of value.targets ?? []) {
    if (!goals.includes(Number(target.split(".")[0]))) {
      issue(["targets"], "proposals:errors.targetOfOtherGoal", { target });
      break;
    }
  }

  // Outcomes: each row, when started, is complete and due inside the timeline.
  (value.outcomes ?? []).forEach((outcome, index) => {
    const empty = Object.values(outcome).every((field) => field === undefined);
    if (empty && mode === "draft") return;
    if (!outcome.statement) issue(["outcomes", index, "statement"], "validation:required");
    if (!outcome.indicator) issue(["outcomes", index, "indicator"], "validation:required");
    if (!outcome.dueDate) issue(["outcomes", index, "dueDate"], "validation:required");
    else if (outcome.dueDate < value.startDate || outcome.dueDate > value.endDate) {
      issue(["outcomes", index, "dueDate"], "proposals:errors.dueOutsideTimeline");
    }
    const quantitative = outcome.targetValue !== undefined;
    if (!quantitative && !outcome.milestone) issue(["outcomes", index, "targetValue"], "proposals:errors.targetOrMilestone");
    if (quantitative && !outcome.unit) issue(["outcomes", index, "unit"], "validation:required");
  });
  (value.events ?? []).forEach((event, index) => {
    if (event.name === undefined && event.date === undefined && mode === "draft") return;
    if (!event.name) issue(["events", index, "name"], "validation:required");
    if (!event.date) issue(["events", index, "date"], "validation:required");
  });
  (value.documents ?? []).forEach((document, index) => {
    if (document.title === undefined && document.url === undefined && mode === "draft") return;
    if (!document.title) issue(["documents", index, "title"], "validation:required");
    if (!document.url) issue(["documents", index, "url"], "validation:required");
  });
  (value.partners ?? []).forEach((partner, index) => {
    if (!partner.name && mode === "submit") issue(["partners", index, "name"], "validation:required");
  });

  if (mode === "submit") {
    for (const field of REQUIRED_ON_SUBMIT) if (!value[field]) issue([field], "validation:required");
    if (value.themeId === undefined) issue(["themeId"], "validation:required");
    if (goals.length === 0) issue(["goals"], "proposals:errors.noGoal");
    else if (value.primaryGoal === undefined) issue(["primaryGoal"], "proposals:errors.noPrimary");
    if ((value.outcomes ?? []).length === 0) issue(["outcomes"], "proposals:errors.noOutcome");
    if (!value.contactEmail) issue(["contactEmail"], "validation:required");
  }
}

export function proposalSchema(mode: ProposalMode) {
  return baseShape.superRefine((value, context) => checkRules(value, context, mode));
}

export const DraftProposalSchema = proposalSchema("draft");
export const SubmitProposalSchema = proposalSchema("submit");
/** For getZodConstraint: the browser's own checks (required, maxlength …) of the lighter draft shape. */
export const ProposalConstraintSchema = baseShape;

/** A HUB's outcomes and timeline: the agreed baseline once recognised. */
export interface Baseline {
  startDate: string;
  endDate: string;
  outcomes: {
    statement: string;
    indicator: string;
    baseline: number | null;
    targetValue: number | null;
    unit: string | null;
    milestone: string | null;
    dueDate: string;
  }[];
}

/** Lines that say what changed between two baselines (for the change request and the public page). */
export function diffBaselines(before: Baseline, after: Baseline): { field: string; index?: number; before: string; after: string }[] {
  const changes: { field: string; index?: number; before: string; after: string }[] = [];
  if (before.startDate !== after.startDate) changes.push({ field: "startDate", before: before.startDate, after: after.startDate });
  if (before.endDate !== after.endDate) changes.push({ field: "endDate", before: before.endDate, after: after.endDate });
  const describe = (o: Baseline["outcomes"][number] | undefined) =>
    o
      ? [o.statement, o.indicator, o.baseline ?? "", o.targetValue ?? "", o.unit ?? "", o.milestone ?? "", o.dueDate].join(" · ").replace(/( · )+$/, "")
      : "";
  const count = Math.max(before.outcomes.length, after.outcomes.length);
  for (let index = 0; index < count; index += 1) {
    const a = describe(before.outcomes[index]);
    const b = describe(after.outcomes[index]);
    if (a !== b) changes.push({ field: "outcome", index, before: a, after: b });
  }
  return changes;
}

/** The secretariat's translation form: the texts in the languages other than the original. */
export const TranslationsSchema = z.object({
  intent: z.literal("translate"),
  version: databaseInt(),
  translations: z.object({ en: translationShape.optional(), es: translationShape.optional(), fr: translationShape.optional() }).optional(),
});

export const ReviewSchema = z.object({
  intent: z.literal("review"),
  recommendation: z.enum(["recognise", "changes", "decline"]),
  comment: z.string().trim().min(1).max(LIMITS.long),
});

export const DecisionSchema = z.object({
  intent: z.literal("decide"),
  decision: z.enum(["recognise", "request_changes", "decline"]),
  message: z.string().trim().min(1).max(LIMITS.long),
});

export const ChangeDecisionSchema = z.object({
  intent: z.literal("decideChange"),
  changeRequestId: databaseId,
  /** The HUB version the page showed: a request the city changed since is not decided unseen. */
  version: databaseInt(),
  decision: z.enum(["approve", "reject"]),
  message: z.string().trim().max(LIMITS.long).optional(),
});

export const WithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  version: databaseInt(),
  comment: z.string().trim().max(LIMITS.long).optional(),
});

export const ThemeSchema = z.object({
  id: databaseId.optional(),
  slug: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9-]+$/, message("proposals:errors.slug")),
  nameEn: z.string().trim().min(1).max(120),
  nameEs: z.string().trim().min(1).max(120),
  nameFr: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(1000),
});
