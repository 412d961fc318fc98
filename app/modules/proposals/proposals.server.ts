import type { DB } from "../../../db/index";
import type { HubStatus, Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";

/** Which HUBs a signed-in user may open in the workflow pages. */

export interface HubAccessRow {
  id: number;
  status: HubStatus;
  lead_organisation_id: number;
  original_language: Language;
  version: number;
  start_date: string;
}

/**
 * The HUB if `user` may see it in the workflow pages, else null (the caller answers 404):
 * a city only its own organisation's HUBs; the council and the secretariat all of them.
 */
export async function findVisibleHub(db: DB, user: SessionUser, hubId: number): Promise<HubAccessRow | null> {
  if (!Number.isSafeInteger(hubId) || hubId <= 0 || hubId > 2_147_483_647) return null;
  const hub = await db
    .selectFrom("hubs")
    .select(["id", "status", "lead_organisation_id", "original_language", "version", "start_date"])
    .where("id", "=", hubId)
    .executeTakeFirst();
  if (!hub) return null;
  if (user.role === "city" && hub.lead_organisation_id !== user.organisationId) return null;
  return hub;
}

export function parseHubId(value: string | undefined): number {
  const id = /^\d{1,10}$/.test(value ?? "") ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new Response("Not found", { status: 404 });
  return id;
}
