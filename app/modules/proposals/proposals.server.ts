import type { DB } from "../../../db/index";
import type { HubStatus, Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { can } from "~/modules/permissions/permissions";

/** Which HUBs a signed-in user may open in the workflow pages. */

export interface HubAccessRow {
  id: number;
  status: HubStatus;
  lead_organisation_id: number;
  original_language: Language;
  version: number;
  start_date: string;
  end_date: string;
}

/**
 * The HUB if `user` may see it in the workflow pages, else null (the caller answers 404):
 * a city only its own organisation's HUBs; the council and the secretariat all of them.
 * The id comes from `idParam` (http/params.server.ts), which keeps it inside the database's range.
 */
export async function findVisibleHub(db: DB, user: SessionUser, hubId: number): Promise<HubAccessRow | null> {
  const hub = await db
    .selectFrom("hubs")
    .select(["id", "status", "lead_organisation_id", "original_language", "version", "start_date", "end_date"])
    .where("id", "=", hubId)
    .executeTakeFirst();
  if (!hub) return null;
  if (!can(user, "hub:read", hub)) return null;
  return hub;
}
