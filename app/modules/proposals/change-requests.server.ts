import type { DB } from "../../../db/index";
import type { SessionUser } from "~/modules/accounts/session.server";
import { roleMay } from "~/modules/permissions/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { diffBaselines, type Baseline } from "./proposal-schema";
import { WorkflowError } from "~/modules/hubs/lifecycle.server";
import { writeBaseline } from "./proposal-store.server";

/** Changes to a recognised HUB's agreed outcomes and timeline: asked by the city, decided by the secretariat. */
/** The secretariat approves (applies) or rejects a pending change of a recognised HUB's outcomes/timeline. */
export async function decideChangeRequest(db: DB, user: SessionUser, hubId: number, requestId: number, approve: boolean, comment: string | null) {
  if (!roleMay(user, "review:decide")) throw new WorkflowError("notAllowed");
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("hub_change_requests")
      .selectAll()
      .where("id", "=", requestId)
      .where("hub_id", "=", hubId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw new WorkflowError("notFound");
    if (request.status !== "pending") throw new WorkflowError("wrongStatus");
    if (approve) {
      await writeBaseline(trx, hubId, JSON.parse(request.proposed) as Baseline);
      await trx.updateTable("hubs").set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() })).where("id", "=", hubId).execute();
    }
    await trx
      .updateTable("hub_change_requests")
      .set({ status: approve ? "approved" : "rejected", decided_by: user.id, decided_at: new Date(), decision_comment: comment })
      .where("id", "=", requestId)
      .execute();
    await recordAudit(trx, {
      entity: "hub_change_request",
      entityId: requestId,
      hubId,
      actorUserId: user.id,
      action: approve ? "change_approved" : "change_rejected",
      comment,
    });
  });
}

export async function listChangeRequests(db: DB, hubId: number) {
  const rows = await db
    .selectFrom("hub_change_requests")
    .selectAll()
    .where("hub_id", "=", hubId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => {
    const baseline = JSON.parse(row.baseline) as Baseline;
    const proposed = JSON.parse(row.proposed) as Baseline;
    return {
      id: row.id,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      comment: row.decision_comment,
      changes: diffBaselines(baseline, proposed),
    };
  });
}
