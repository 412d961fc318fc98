import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";

export interface AuditEntry {
  entity: string;
  entityId: number;
  hubId?: number | null;
  actorUserId: number | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
}

/** Writes one audit row. Call it with the transaction that makes the change, so both land or neither. */
export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      entity: entry.entity,
      entity_id: entry.entityId,
      hub_id: entry.hubId ?? null,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      comment: entry.comment ?? null,
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, entity: string, entityId: number) {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select(["a.id", "a.action", "a.from_status", "a.to_status", "a.comment", "a.at", "u.display_name as actor_name", "u.role as actor_role"])
    .where("a.entity", "=", entity)
    .where("a.entity_id", "=", entityId)
    .orderBy("a.at")
    .orderBy("a.id")
    .execute();
}
