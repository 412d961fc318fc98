import type { DB } from "../../../db/index";
import type { SessionUser } from "~/modules/accounts/session.server";
import { roleMay } from "~/modules/permissions/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { WorkflowError } from "~/modules/hubs/lifecycle.server";

/** The advisory council's reviews of a submitted proposal, and the history a HUB's pages show. */

export async function recordReview(db: DB, user: SessionUser, hubId: number, recommendation: "recognise" | "changes" | "decline", comment: string) {
  if (!roleMay(user, "review:recommend")) throw new WorkflowError("notAllowed");
  await db.transaction().execute(async (trx) => {
    const hub = await trx.selectFrom("hubs").select(["status"]).where("id", "=", hubId).forUpdate().executeTakeFirst();
    if (!hub) throw new WorkflowError("notFound");
    if (hub.status !== "submitted") throw new WorkflowError("wrongStatus");
    const row = await trx
      .insertInto("hub_reviews")
      .values({ hub_id: hubId, reviewer_id: user.id, recommendation, comment })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { entity: "hub_review", entityId: row.id, hubId, actorUserId: user.id, action: `review_${recommendation}`, comment });
  });
}

export async function listReviews(db: DB, hubId: number) {
  return db
    .selectFrom("hub_reviews as r")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .select(["r.id", "r.recommendation", "r.comment", "r.created_at", "u.display_name as reviewer"])
    .where("r.hub_id", "=", hubId)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** The history the city sees: status changes with the secretariat's messages, saves and change requests (not council reviews). */
export async function listHistory(db: DB, hubId: number, { includeReviews }: { includeReviews: boolean }) {
  let query = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select(["a.id", "a.action", "a.from_status", "a.to_status", "a.comment", "a.at", "u.display_name as actor_name", "u.role as actor_role"])
    .where("a.hub_id", "=", hubId);
  if (!includeReviews) query = query.where("a.entity", "!=", "hub_review");
  return query.orderBy("a.at").orderBy("a.id").execute();
}
