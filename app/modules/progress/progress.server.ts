import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { completeAfterFinalReport } from "~/modules/hubs/lifecycle.server";
import type { Expression, ExpressionBuilder, Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, Language, ProgressUpdateStatus } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { NotVisibleError, RoleRefusedError, roleMay } from "~/modules/permissions/permissions";
import { ownedBy } from "~/modules/permissions/permissions.server";
import { type ReportPeriod } from "./calendar";
import type { ProgressUpdateInput } from "./progress-form";
import { notifyUpdateReviewed, notifyUpdateSubmitted } from "./notifications.server";
import { refreshReportingState } from "./reporting-state.server";

type Db = Kysely<Database> | Transaction<Database>;
const LANGUAGES: Language[] = ["en", "es", "fr"];

export class ConflictError extends Error {
  constructor() {
    super("stale version");
    this.name = "ConflictError";
  }
}
/** A report names an outcome that is not its HUB's (a forged id, or the outcomes changed since the form was loaded). */
export class UnknownOutcomeError extends Error {
  constructor(outcomeId: number) {
    super(`outcome ${outcomeId} is not this HUB's`);
    this.name = "UnknownOutcomeError";
  }
}

export class TransitionError extends Error {
  constructor(from: string, to: string) {
    super(`cannot go from ${from} to ${to}`);
    this.name = "TransitionError";
  }
}

/** The HUB a city user may report on: recognised and led by their organisation; otherwise undefined (a 404 for the caller). */
export async function findCityHub(db: Db, user: SessionUser, hubId: number, language: Language) {
  return db
    .selectFrom("hubs as h")
    .select(["h.id", "h.slug", "h.status", "h.start_date", "h.end_date", "h.original_language", hubTitleSql(language).as("title")])
    .where("h.id", "=", hubId)
    .where(ownedBy(user, "h.lead_organisation_id"))
    .where("h.status", "=", "recognised")
    .executeTakeFirst();
}

export async function listOutcomes(db: Db, hubId: number) {
  return outcomesOf(db, hubId).execute();
}

/** A HUB's outcomes in their order: a query, or a subquery of one that reads more (`hubId` a reference). */
export function outcomesOf(db: Db, hubId: number | Expression<number>) {
  return db
    .selectFrom("hub_outcomes")
    .select(["id", "position", "statement", "indicator", "baseline", "target_value", "unit", "milestone", "due_date"])
    .where("hub_id", "=", hubId)
    .orderBy("position")
    .orderBy("id");
}
export type OutcomeRow = Awaited<ReturnType<typeof listOutcomes>>[number];

/** The updates of the city's HUBs, newest period first. */
export async function listCityUpdates(db: Db, user: SessionUser, language: Language) {
  return db
    .selectFrom("progress_updates as u")
    .innerJoin("hubs as h", "h.id", "u.hub_id")
    .select(["u.id", "u.hub_id", "u.kind", "u.due_date", "u.period_start", "u.period_end", "u.status", "u.overall_status", "u.updated_at", hubTitleSql(language).as("hub_title")])
    .where(ownedBy(user, "h.lead_organisation_id"))
    .orderBy("u.due_date", "desc")
    .orderBy("u.id", "desc")
    .execute();
}

function outcomeRows(updateId: number, input: ProgressUpdateInput) {
  return input.outcomes.map((outcome) => ({
    update_id: updateId,
    outcome_id: outcome.outcomeId,
    value: outcome.kind === "numeric" ? outcome.value ?? null : null,
    milestone_reached: outcome.kind === "milestone" ? (outcome.milestoneReached === undefined ? null : outcome.milestoneReached === "yes") : null,
    comment: outcome.comment ?? null,
  }));
}

async function writeContent(trx: Transaction<Database>, updateId: number, originalLanguage: Language, input: ProgressUpdateInput, hubId: number) {
  // Only this HUB's outcomes: an id of another HUB's outcome, or of none, refuses the whole report (the transaction rolls back).
  const allowed = new Set((await trx.selectFrom("hub_outcomes").select("id").where("hub_id", "=", hubId).execute()).map((row) => row.id));
  const unknown = input.outcomes.find((outcome) => !allowed.has(outcome.outcomeId));
  if (unknown) throw new UnknownOutcomeError(unknown.outcomeId);
  const outcomes = outcomeRows(updateId, input);
  await trx.deleteFrom("progress_update_translations").where("update_id", "=", updateId).execute();
  await trx.deleteFrom("progress_update_outcomes").where("update_id", "=", updateId).execute();
  await trx.deleteFrom("progress_update_activities").where("update_id", "=", updateId).execute();
  await trx.deleteFrom("progress_update_evidence").where("update_id", "=", updateId).execute();
  const translations = LANGUAGES.map((language) => ({
    update_id: updateId,
    language,
    narrative: language === originalLanguage ? input.narrative : input[`translation_${language}`] ?? null,
  })).filter((row) => row.narrative !== null);
  await trx.insertInto("progress_update_translations").values(translations).execute();
  if (outcomes.length > 0) await trx.insertInto("progress_update_outcomes").values(outcomes).execute();
  const activities = input.activities.flatMap((activity) => (activity?.title && activity.heldOn ? [{ title: activity.title, held_on: activity.heldOn }] : []));
  if (activities.length > 0) {
    await trx.insertInto("progress_update_activities").values(activities.map((activity, position) => ({ update_id: updateId, position, ...activity }))).execute();
  }
  const evidence = input.evidence.flatMap((entry) => (entry?.url ? [{ url: entry.url, label: entry.label ?? null }] : []));
  if (evidence.length > 0) {
    await trx.insertInto("progress_update_evidence").values(evidence.map((entry, position) => ({ update_id: updateId, position, ...entry }))).execute();
  }
}

/**
 * Writes the first version of a report for an open period of the city's HUB (as a draft, or
 * submitted at once). Returns the new id; a report for the same period written meanwhile is a conflict.
 */
export async function createUpdate(
  db: Kysely<Database>,
  { hub, period, user, input, language }: { hub: { id: number }; period: ReportPeriod; user: SessionUser; input: ProgressUpdateInput; language: Language },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("progress_updates")
      .select("id")
      .where("hub_id", "=", hub.id)
      .where("kind", "=", period.kind)
      .where("due_date", "=", period.dueDate)
      .executeTakeFirst();
    if (existing) throw new ConflictError();
    const submit = input.intent === "submit";
    const now = new Date();
    const row = await trx
      .insertInto("progress_updates")
      .values({
        hub_id: hub.id,
        kind: period.kind,
        period_start: period.start,
        period_end: period.end,
        due_date: period.dueDate,
        status: submit ? "submitted" : "draft",
        overall_status: input.overallStatus,
        original_language: language,
        created_by: user.id,
        updated_at: now,
        submitted_at: submit ? now : null,
      })
      .onConflict((oc) => oc.columns(["hub_id", "kind", "due_date"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) throw new ConflictError();
    await writeContent(trx, row.id, language, input, hub.id);
    await recordAudit(trx, { entity: "progress_update", entityId: row.id, hubId: hub.id, actorUserId: user.id, action: "create", toStatus: "draft" });
    if (submit) {
      await recordAudit(trx, { entity: "progress_update", entityId: row.id, hubId: hub.id, actorUserId: user.id, action: "submit", fromStatus: "draft", toStatus: "submitted" });
      await notifyUpdateSubmitted(trx, row.id);
    }
    await refreshReportingState(trx, [hub.id]);
    return row.id;
  });
}

/** The city saves (or submits) its draft or its answer to a request for clarification; a stale version is a conflict. */
export async function saveUpdate(db: Kysely<Database>, { updateId, user, input }: { updateId: number; user: SessionUser; input: ProgressUpdateInput }) {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("progress_updates as u")
      .innerJoin("hubs as h", "h.id", "u.hub_id")
      .select(["u.id", "u.hub_id", "u.status", "u.version", "u.original_language"])
      .where("u.id", "=", updateId)
      .where(ownedBy(user, "h.lead_organisation_id"))
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new NotVisibleError("progress update");
    if (current.status !== "draft" && current.status !== "clarification_requested") throw new TransitionError(current.status, input.intent);
    if (input.version !== current.version) throw new ConflictError();
    const submit = input.intent === "submit";
    const now = new Date();
    const nextStatus: ProgressUpdateStatus = submit ? "submitted" : current.status;
    const updated = await trx
      .updateTable("progress_updates")
      .set((eb) => ({
        overall_status: input.overallStatus,
        status: nextStatus,
        version: eb("version", "+", 1),
        updated_at: now,
        ...(submit ? { submitted_at: now } : {}),
      }))
      .where("id", "=", updateId)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError();
    await writeContent(trx, updateId, current.original_language, input, current.hub_id);
    await recordAudit(trx, {
      entity: "progress_update",
      entityId: updateId,
      hubId: current.hub_id,
      actorUserId: user.id,
      action: submit ? (current.status === "clarification_requested" ? "revise" : "submit") : "save",
      fromStatus: current.status,
      toStatus: nextStatus,
    });
    if (submit) await notifyUpdateSubmitted(trx, updateId);
    await refreshReportingState(trx, [current.hub_id]);
    return nextStatus;
  });
}

/**
 * The council's decision on a submitted update. Accepting a final report completes the HUB
 * (status, completed_at and its audit row land in the same transaction).
 */
export async function reviewUpdate(
  db: Kysely<Database>,
  { updateId, reviewer, decision, comment, version }: { updateId: number; reviewer: SessionUser; decision: "accept" | "clarify"; comment?: string; version: number },
) {
  if (!roleMay(reviewer, "progress:review")) throw new RoleRefusedError("progress:review");
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("progress_updates")
      .select(["id", "hub_id", "status", "version", "kind"])
      .where("id", "=", updateId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new NotVisibleError("progress update");
    if (current.version !== version) throw new ConflictError();
    if (current.status !== "submitted") throw new TransitionError(current.status, decision);
    const now = new Date();
    const nextStatus: ProgressUpdateStatus = decision === "accept" ? "accepted" : "clarification_requested";
    const updated = await trx
      .updateTable("progress_updates")
      .set((eb) => ({
        status: nextStatus,
        version: eb("version", "+", 1),
        reviewed_at: now,
        reviewed_by: reviewer.id,
        review_comment: comment ?? null,
        ...(decision === "accept" ? { accepted_at: now } : {}),
      }))
      .where("id", "=", updateId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError();
    await recordAudit(trx, {
      entity: "progress_update",
      entityId: updateId,
      hubId: current.hub_id,
      actorUserId: reviewer.id,
      action: decision === "accept" ? "accept" : "request_clarification",
      fromStatus: current.status,
      toStatus: nextStatus,
      comment: comment ?? null,
    });
    if (decision === "accept" && current.kind === "final") await completeAfterFinalReport(trx, reviewer, current.hub_id);
    await notifyUpdateReviewed(trx, updateId, decision);
    await refreshReportingState(trx, [current.hub_id]);
    return nextStatus;
  });
}

/** One update with everything the form, the review page and the public page show. */
export async function getUpdate(db: Db, updateId: number) {
  if (!Number.isInteger(updateId)) return undefined;
  return db
    .selectFrom("progress_updates as u")
    .innerJoin("hubs as h", "h.id", "u.hub_id")
    .select((eb) => [
      "u.id",
      "u.hub_id",
      "u.kind",
      "u.period_start",
      "u.period_end",
      "u.due_date",
      "u.status",
      "u.overall_status",
      "u.original_language",
      "u.version",
      "u.submitted_at",
      "u.reviewed_at",
      "u.accepted_at",
      "u.review_comment",
      "h.slug as hub_slug",
      "h.lead_organisation_id",
      "h.original_language as hub_language",
      ...updateLists(eb),
    ])
    .where("u.id", "=", updateId)
    .executeTakeFirst();
}

/** An update's narratives, outcome values, activities and evidence, as JSON arrays of the row `u` (one statement with it). */
export function updateLists(eb: ExpressionBuilder<Database & { u: Database["progress_updates"] }, "u">) {
  return [
    jsonArrayFrom(eb.selectFrom("progress_update_translations as t").select(["t.language", "t.narrative"]).whereRef("t.update_id", "=", "u.id")).as("translations"),
    jsonArrayFrom(
      eb.selectFrom("progress_update_outcomes as o").select(["o.outcome_id", "o.value", "o.milestone_reached", "o.comment"]).whereRef("o.update_id", "=", "u.id"),
    ).as("outcomes"),
    jsonArrayFrom(eb.selectFrom("progress_update_activities as a").select(["a.title", "a.held_on"]).whereRef("a.update_id", "=", "u.id").orderBy("a.position")).as(
      "activities",
    ),
    jsonArrayFrom(eb.selectFrom("progress_update_evidence as e").select(["e.url", "e.label"]).whereRef("e.update_id", "=", "u.id").orderBy("e.position")).as("evidence"),
  ] as const;
}
export type UpdateDetail = NonNullable<Awaited<ReturnType<typeof getUpdate>>>;

/** The titles of the HUBs `user`'s organisation leads, in `language` (the city's progress page). */
export async function listOwnHubTitles(db: Db, user: SessionUser, language: Language) {
  return db.selectFrom("hubs as h").select(["h.id", hubTitleSql(language).as("title")]).where(ownedBy(user, "h.lead_organisation_id")).execute();
}

/** The HUB an update belongs to, as its page heads it: id, status and title in `language`. */
export async function getUpdateHub(db: Db, hubId: number, language: Language) {
  return db.selectFrom("hubs as h").select(["h.id", "h.status", hubTitleSql(language).as("title")]).where("h.id", "=", hubId).executeTakeFirstOrThrow();
}

/** The update already filed for one period of a HUB's calendar, if any. */
export async function findUpdateForPeriod(db: Db, hubId: number, period: Pick<ReportPeriod, "kind" | "dueDate">) {
  return db.selectFrom("progress_updates").select("id").where("hub_id", "=", hubId).where("kind", "=", period.kind).where("due_date", "=", period.dueDate).executeTakeFirst();
}
