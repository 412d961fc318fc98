import type { AppLoadContext } from "@remix-run/node";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { clientIp } from "~/modules/accounts/route-helpers.server";

/**
 * The audit log's one home. The table is append-only at the database (a trigger refuses UPDATE,
 * DELETE and TRUNCATE: migration 2026-12-01-080), and a row keeps its HUB id after the HUB is
 * deleted. Rows carry the client's IP and user agent when the change came from a request.
 */

/** Where a request came from, for the audit row: `requestSource(context, request)`. */
export interface RequestSource {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  entity: string;
  /** Null for an event about no row: a failed log-in to an unknown address, a refused request. */
  entityId: number | null;
  hubId?: number | null;
  actorUserId: number | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
  source?: RequestSource;
}

const USER_AGENT_MAX = 300;
const COMMENT_MAX = 1000;

/** The client's IP (as the server saw it: Express `req.ip`) and user agent, clipped. */
export function requestSource(context: AppLoadContext, request: Request): RequestSource {
  return { ip: clientIp(context), userAgent: request.headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null };
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
      comment: entry.comment?.slice(0, COMMENT_MAX) ?? null,
      ip: entry.source?.ip ?? null,
      user_agent: entry.source?.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
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
