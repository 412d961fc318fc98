import { message, z } from "~/modules/forms/messages";
import { databaseId, databaseInt, httpUrl } from "~/modules/forms/values";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { MAX_TIMELINE_YEARS } from "./call-lifecycle";

/**
 * The secretariat's call form, the council's score form and the secretariat's evaluation forms:
 * one zod schema each, shared by browser (constraints) and server. Messages are locale keys.
 * Times are typed as UTC ('YYYY-MM-DDTHH:MM', the value of an <input type="datetime-local">
 * whose label says UTC): the server stores the instant, the pages show it in the reader's locale.
 */
export const CALL_LIMITS = { title: 200, summary: 500, body: 20_000, criterion: 300, document: 300 } as const;
export const ORGANISATION_KINDS = ["local_government", "regional_government", "association"] as const;

const UTC_MINUTE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DDTHH:MM' read as UTC, or null when it names no real minute. */
export function parseUtcMinute(value: string): Date | null {
  const match = UTC_MINUTE.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (y < 2000 || y > 2999 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return date;
}

/** An instant as the form shows it ('YYYY-MM-DDTHH:MM', UTC). */
export function utcMinuteValue(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 16);
}

const utcMinute = z
  .string()
  .trim()
  .refine((value) => parseUtcMinute(value) !== null, message("calls:errors.dateTime"));

const optionalText = (max: number) => z.string().trim().max(max).optional();
const criterionShape = z.object({
  id: databaseId.optional(),
  titleEn: optionalText(CALL_LIMITS.criterion),
  titleEs: optionalText(CALL_LIMITS.criterion),
  titleFr: optionalText(CALL_LIMITS.criterion),
  remove: z.literal("on").optional(),
});
const documentShape = z.object({ title: optionalText(CALL_LIMITS.document), url: httpUrl.optional() });

export const CallSchema = z
  .object({
    version: databaseInt().optional(),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, message("calls:errors.slug"))
      .max(80),
    originalLanguage: z.enum(SUPPORTED_LANGUAGES),
    titleEn: optionalText(CALL_LIMITS.title),
    titleEs: optionalText(CALL_LIMITS.title),
    titleFr: optionalText(CALL_LIMITS.title),
    summaryEn: optionalText(CALL_LIMITS.summary),
    summaryEs: optionalText(CALL_LIMITS.summary),
    summaryFr: optionalText(CALL_LIMITS.summary),
    bodyEn: optionalText(CALL_LIMITS.body),
    bodyEs: optionalText(CALL_LIMITS.body),
    bodyFr: optionalText(CALL_LIMITS.body),
    opensAt: utcMinute,
    closesAt: utcMinute.optional(),
    standing: z.literal("on").optional(),
    maxTimelineYears: z.number().int().min(1).max(MAX_TIMELINE_YEARS),
    eligibleKinds: z.array(z.enum(ORGANISATION_KINDS)).min(1).max(3),
    themeIds: z.array(databaseId).max(50).optional(),
    goals: z.array(z.number().int().min(1).max(17)).max(17).optional(),
    criteria: z.array(criterionShape).max(30).optional(),
    documents: z.array(documentShape).max(30).optional(),
  })
  .superRefine((value, context) => {
    const issue = (path: string[], key: string) => context.addIssue({ code: z.ZodIssueCode.custom, path, message: message(key) });
    const suffix = { en: "En", es: "Es", fr: "Fr" } as const;
    const original = suffix[value.originalLanguage];
    // The original language carries the title and the summary; the others may be missing (translations pending).
    if (!value[`title${original}`]) issue([`title${original}`], "validation:required");
    if (!value[`summary${original}`]) issue([`summary${original}`], "validation:required");
    if (!value.standing && !value.closesAt) issue(["closesAt"], "validation:required");
    const opens = parseUtcMinute(value.opensAt);
    const closes = value.closesAt ? parseUtcMinute(value.closesAt) : null;
    if (opens && closes && closes <= opens) issue(["closesAt"], "calls:errors.closesBeforeOpens");
    const criteria = (value.criteria ?? []).filter((row) => !row.remove && (row.titleEn || row.titleEs || row.titleFr));
    if (!criteria.length) issue(["criteria"], "calls:errors.criteriaRequired");
    (value.criteria ?? []).forEach((row, index) => {
      if (!row.remove && (row.titleEn || row.titleEs || row.titleFr) && !row[`title${original}`]) issue(["criteria", String(index), `title${original}`], "validation:required");
    });
    (value.documents ?? []).forEach((row, index) => {
      if (Boolean(row.title) !== Boolean(row.url)) issue(["documents", String(index), row.title ? "url" : "title"], "validation:required");
    });
  });
export type CallInput = z.infer<typeof CallSchema>;

/** The call's lifecycle buttons (a form of their own, with the version the page showed). */
export const CallTransitionSchema = z.object({
  intent: z.enum(["schedule", "unschedule", "close", "publishResults"]),
  version: databaseInt(),
});

/** The secretariat assigns (or removes) a council member to a proposal. */
export const AssignSchema = z.object({
  intent: z.enum(["assign", "unassign"]),
  hubId: databaseId,
  reviewerId: databaseId,
});

/** A council member's conflict of interest. */
export const ConflictSchema = z.object({
  intent: z.literal("conflict"),
  conflict: z.enum(["yes", "no"]),
  note: optionalText(1000),
});

/** A council member's scores: every criterion 1–5 with a comment, and a recommendation. */
export const ScoreSchema = z.object({
  intent: z.literal("score"),
  scores: z
    .array(z.object({ criterionId: databaseId, score: z.number().int().min(1).max(5), comment: optionalText(2000) }))
    .min(1)
    .max(30),
  recommendation: z.enum(["recognise", "changes", "decline"]),
  comment: z.string().trim().min(1).max(5000),
});
