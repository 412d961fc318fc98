import type { DB } from "../../../db/index";
import type { Language, ReviewRecommendation } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { toCsvDocument } from "~/modules/opendata/csv.server";
import { NotVisibleError } from "~/modules/permissions/permissions";
import { conflictFlags, proposalStats, rankProposals, type CriterionStats } from "./call-lifecycle";
import { criterionTitle } from "./calls.server";

/**
 * The council's evaluation of the proposals answering a call: the secretariat assigns members; a
 * member declares any conflict of interest (the registry flags the same organisation or country) and
 * is then not counted; each member scores every criterion 1–5 with a comment and recommends. The
 * averages, spreads and ranking are the pure functions of call-lifecycle.ts. The decision itself stays
 * in the HUB workflow (lifecycle.server.ts), on the review page.
 */

export class EvaluationError extends Error {
  constructor(public readonly reason: "notAssigned" | "conflictDeclared" | "scoreEveryCriterion" | "notScorable" | "notCouncil") {
    super(reason);
  }
}

/** Proposal statuses that take part in the evaluation (submitted, or decided since). */
const EVALUATED_STATUSES = ["submitted", "changes_requested", "recognised", "declined", "completed"] as const;

async function criteriaOf(db: DB, callId: number) {
  const call = await db.selectFrom("calls").select("original_language").where("id", "=", callId).executeTakeFirst();
  if (!call) return null;
  const rows = await db.selectFrom("call_criteria").select(["id", "title_en", "title_es", "title_fr"]).where("call_id", "=", callId).orderBy("position").orderBy("id").execute();
  return { originalLanguage: call.original_language, rows };
}

/** What the registry knows of a possible conflict between council members and proposals (same organisation or country). */
async function conflictContext(db: DB, hubIds: number[], reviewerIds: number[]) {
  const [hubOrganisations, reviewers] = await Promise.all([
    hubIds.length
      ? db
          .selectFrom("hubs as h")
          .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
          .select(["h.id as hub_id", "o.id as organisation_id", "o.country_code"])
          .where("h.id", "in", hubIds)
          .union(
            db
              .selectFrom("hub_participants as p")
              .innerJoin("organisations as o", "o.id", "p.organisation_id")
              .select(["p.hub_id", "o.id as organisation_id", "o.country_code"])
              .where("p.hub_id", "in", hubIds),
          )
          .execute()
      : [],
    reviewerIds.length
      ? db
          .selectFrom("users as u")
          .leftJoin("organisations as o", "o.id", "u.organisation_id")
          .select(["u.id", "u.organisation_id", "o.country_code"])
          .where("u.id", "in", reviewerIds)
          .execute()
      : [],
  ]);
  return (hubId: number, reviewerId: number) => {
    const reviewer = reviewers.find((row) => row.id === reviewerId);
    const organisations = hubOrganisations.filter((row) => row.hub_id === hubId);
    return conflictFlags(
      { organisationId: reviewer?.organisation_id ?? null, countryCode: reviewer?.country_code?.trim() ?? null },
      { organisationIds: organisations.map((row) => row.organisation_id), countryCodes: organisations.map((row) => row.country_code.trim()) },
    );
  };
}

/** The council members the secretariat can assign. */
export function listCouncilMembers(db: DB) {
  return db.selectFrom("users").select(["id", "display_name"]).where("role", "=", "council").where("disabled_at", "is", null).orderBy("display_name").execute();
}

export type RankedSort = "rank" | "title" | "city";

/**
 * A call's evaluation for the secretariat and the council: each proposal with its assigned members
 * (flags, declared conflicts, scored or not), each member's scores, the average and spread per
 * criterion of the members counted, the recommendations, and the ranking by overall average.
 */
export async function callEvaluation(db: DB, callId: number, language: Language, sort: RankedSort = "rank") {
  const criteria = await criteriaOf(db, callId);
  if (!criteria) return null;
  const proposals = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .select(["h.id", "h.slug", "h.status", "h.version", "o.city", "o.country_code", "o.region", hubTitleSql(language).as("title")])
    .where("h.call_id", "=", callId)
    .where("h.status", "in", [...EVALUATED_STATUSES])
    .execute();
  const hubIds = proposals.map((row) => row.id);
  const [assignments, scores] = await Promise.all([
    hubIds.length
      ? db
          .selectFrom("call_assignments as a")
          .innerJoin("users as u", "u.id", "a.reviewer_id")
          .select(["a.hub_id", "a.reviewer_id", "u.display_name", "a.conflict", "a.conflict_note", "a.recommendation", "a.comment", "a.scored_at"])
          .where("a.hub_id", "in", hubIds)
          .orderBy("u.display_name")
          .execute()
      : [],
    hubIds.length
      ? db.selectFrom("call_scores").select(["hub_id", "reviewer_id", "criterion_id", "score", "comment"]).where("hub_id", "in", hubIds).execute()
      : [],
  ]);
  const flagsOf = await conflictContext(db, hubIds, [...new Set(assignments.map((row) => row.reviewer_id))]);
  const criterionIds = criteria.rows.map((row) => row.id);
  const rows = proposals.map((proposal) => {
    const assigned = assignments.filter((row) => row.hub_id === proposal.id);
    const conflicted = new Set(assigned.filter((row) => row.conflict).map((row) => row.reviewer_id));
    const own = scores.filter((row) => row.hub_id === proposal.id);
    const stats = proposalStats(
      own.map((row) => ({ reviewerId: row.reviewer_id, criterionId: row.criterion_id, score: row.score })),
      criterionIds,
      conflicted,
    );
    const recommendations: Record<ReviewRecommendation, number> = { recognise: 0, changes: 0, decline: 0 };
    for (const row of assigned) if (row.recommendation && !row.conflict) recommendations[row.recommendation] += 1;
    return {
      id: proposal.id,
      slug: proposal.slug,
      status: proposal.status,
      title: proposal.title ?? proposal.slug,
      city: proposal.city,
      countryCode: proposal.country_code.trim(),
      region: proposal.region,
      overall: stats.overall,
      reviewers: stats.reviewers,
      perCriterion: criterionIds.map((id) => ({ criterionId: id, ...(stats.perCriterion.get(id) as CriterionStats) })),
      recommendations,
      assigned: assigned.map((row) => ({
        reviewerId: row.reviewer_id,
        name: row.display_name,
        conflict: row.conflict,
        flags: flagsOf(proposal.id, row.reviewer_id),
        recommendation: row.recommendation,
        comment: row.comment,
        scored: row.scored_at !== null,
        scores: own.filter((score) => score.reviewer_id === row.reviewer_id).map((score) => ({ criterionId: score.criterion_id, score: score.score, comment: score.comment })),
      })),
    };
  });
  const ranked = rankProposals(rows);
  if (sort === "title") ranked.sort((a, b) => a.title.localeCompare(b.title, language));
  if (sort === "city") ranked.sort((a, b) => a.city.localeCompare(b.city, language) || a.title.localeCompare(b.title, language));
  return {
    criteria: criteria.rows.map((row) => ({ id: row.id, ...criterionTitle(row, language, criteria.originalLanguage) })),
    proposals: ranked,
  };
}

/** The ranked table as CSV (the one CSV writer): rank, proposal, city, country, status, overall, each criterion's average and spread, members, recommendations. */
export function rankedCsv(evaluation: NonNullable<Awaited<ReturnType<typeof callEvaluation>>>): string {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  const header = [
    "rank",
    "proposal",
    "city",
    "country",
    "status",
    "overall_average",
    ...evaluation.criteria.flatMap((criterion, index) => [`criterion_${index + 1}_average`, `criterion_${index + 1}_spread`]),
    "members_counted",
    "recommend_recognise",
    "recommend_changes",
    "recommend_decline",
  ];
  const rows = evaluation.proposals.map((row) => [
    row.rank,
    row.title,
    row.city,
    row.countryCode,
    row.status,
    round(row.overall),
    ...row.perCriterion.flatMap((stats) => [round(stats.average), stats.spread]),
    row.reviewers,
    row.recommendations.recognise,
    row.recommendations.changes,
    row.recommendations.decline,
  ]);
  return toCsvDocument(header, rows);
}

/** The secretariat assigns a council member to a submitted proposal (idempotent), or removes one who has not scored. */
export async function setAssignment(db: DB, actorUserId: number, callId: number, hubId: number, reviewerId: number, assign: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["id", "status"]).where("id", "=", hubId).where("call_id", "=", callId).executeTakeFirst();
    if (!hub) throw new NotVisibleError("proposal not in this call");
    const reviewer = await trx.selectFrom("users").select("role").where("id", "=", reviewerId).executeTakeFirst();
    if (reviewer?.role !== "council") throw new EvaluationError("notCouncil");
    if (assign) {
      if (hub.status !== "submitted") throw new EvaluationError("notScorable");
      const inserted = await trx
        .insertInto("call_assignments")
        .values({ hub_id: hubId, reviewer_id: reviewerId, assigned_by: actorUserId })
        .onConflict((oc) => oc.columns(["hub_id", "reviewer_id"]).doNothing())
        .returning("hub_id")
        .executeTakeFirst();
      if (inserted) await recordAudit(trx, { entity: "call_assignment", entityId: reviewerId, hubId, actorUserId, action: "assign" });
    } else {
      const deleted = await trx.deleteFrom("call_assignments").where("hub_id", "=", hubId).where("reviewer_id", "=", reviewerId).executeTakeFirst();
      if (Number(deleted.numDeletedRows) > 0) await recordAudit(trx, { entity: "call_assignment", entityId: reviewerId, hubId, actorUserId, action: "unassign" });
    }
  });
}

/** The proposals assigned to a council member, with their call and whether they are scored. */
export async function listMyAssignments(db: DB, reviewerId: number, language: Language) {
  return db
    .selectFrom("call_assignments as a")
    .innerJoin("hubs as h", "h.id", "a.hub_id")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .select(["h.id", "h.status", "o.city", "a.conflict", "a.scored_at", hubTitleSql(language).as("title")])
    .where("a.reviewer_id", "=", reviewerId)
    .orderBy("a.assigned_at")
    .execute();
}

/** What a member's scoring page shows: the proposal, the call's criteria, their own scores, the flags. Null when not assigned. */
export async function scoringSheet(db: DB, reviewerId: number, hubId: number, language: Language) {
  const assignment = await db
    .selectFrom("call_assignments as a")
    .innerJoin("hubs as h", "h.id", "a.hub_id")
    .select(["h.call_id", "h.status", "h.slug", hubTitleSql(language).as("title"), "a.conflict", "a.conflict_note", "a.recommendation", "a.comment", "a.scored_at"])
    .where("a.hub_id", "=", hubId)
    .where("a.reviewer_id", "=", reviewerId)
    .executeTakeFirst();
  if (!assignment || assignment.call_id === null) return null;
  const [criteria, scores, flagsOf] = await Promise.all([
    criteriaOf(db, assignment.call_id),
    db.selectFrom("call_scores").select(["criterion_id", "score", "comment"]).where("hub_id", "=", hubId).where("reviewer_id", "=", reviewerId).execute(),
    conflictContext(db, [hubId], [reviewerId]),
  ]);
  return {
    hubId,
    title: assignment.title ?? assignment.slug,
    status: assignment.status,
    conflict: assignment.conflict,
    conflictNote: assignment.conflict_note,
    recommendation: assignment.recommendation,
    comment: assignment.comment,
    scored: assignment.scored_at !== null,
    flags: flagsOf(hubId, reviewerId),
    criteria: (criteria?.rows ?? []).map((row) => {
      const own = scores.find((score) => score.criterion_id === row.id);
      return { id: row.id, ...criterionTitle(row, language, criteria!.originalLanguage), score: own?.score ?? null, comment: own?.comment ?? "" };
    }),
  };
}

/** A member's answer about a conflict of interest (yes: their scores stop counting). */
export async function declareConflict(db: DB, reviewerId: number, hubId: number, conflict: boolean, note: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("call_assignments")
      .set({ conflict, conflict_note: note?.trim() || null })
      .where("hub_id", "=", hubId)
      .where("reviewer_id", "=", reviewerId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new EvaluationError("notAssigned");
    await recordAudit(trx, { entity: "call_assignment", entityId: reviewerId, hubId, actorUserId: reviewerId, action: conflict ? "conflict_declared" : "no_conflict", comment: note ?? null });
  });
}

export interface ScoreInput {
  scores: { criterionId: number; score: number; comment?: string }[];
  recommendation: ReviewRecommendation;
  comment: string;
}

/** A member's scores for every criterion of the call and their recommendation (replacing earlier ones), while the proposal is submitted. */
export async function saveScores(db: DB, reviewerId: number, hubId: number, input: ScoreInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("call_assignments as a")
      .innerJoin("hubs as h", "h.id", "a.hub_id")
      .select(["a.conflict", "h.status", "h.call_id"])
      .where("a.hub_id", "=", hubId)
      .where("a.reviewer_id", "=", reviewerId)
      .forUpdate()
      .executeTakeFirst();
    if (!assignment || assignment.call_id === null) throw new EvaluationError("notAssigned");
    if (assignment.conflict) throw new EvaluationError("conflictDeclared");
    if (assignment.status !== "submitted") throw new EvaluationError("notScorable");
    const criteria = await trx.selectFrom("call_criteria").select("id").where("call_id", "=", assignment.call_id).execute();
    const given = new Map(input.scores.map((row) => [row.criterionId, row]));
    if (given.size !== input.scores.length || criteria.length !== given.size || criteria.some((criterion) => !given.has(criterion.id))) {
      throw new EvaluationError("scoreEveryCriterion");
    }
    await trx.deleteFrom("call_scores").where("hub_id", "=", hubId).where("reviewer_id", "=", reviewerId).execute();
    await trx
      .insertInto("call_scores")
      .values(input.scores.map((row) => ({ hub_id: hubId, reviewer_id: reviewerId, criterion_id: row.criterionId, score: row.score, comment: row.comment?.trim() ?? "" })))
      .execute();
    await trx
      .updateTable("call_assignments")
      .set({ recommendation: input.recommendation, comment: input.comment.trim(), scored_at: new Date() })
      .where("hub_id", "=", hubId)
      .where("reviewer_id", "=", reviewerId)
      .execute();
    await recordAudit(trx, { entity: "call_assignment", entityId: reviewerId, hubId, actorUserId: reviewerId, action: "score", toStatus: input.recommendation });
  });
}

