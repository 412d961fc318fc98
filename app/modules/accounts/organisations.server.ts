import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import { forbidden } from "~/modules/http/responses.server";
import { roleMay } from "~/modules/permissions/permissions";
import { notifyOrganisationVerified } from "./notices.server";
import { likelyDuplicates } from "./organisation-names";
import { requireUser, type SessionUser } from "./session.server";

/** True when the secretariat has verified the organisation (its proposals may then be submitted). */
/** One organisation's public facts: name, place and whether the secretariat has verified it. */
export function getOrganisation(db: DB, organisationId: number) {
  return db
    .selectFrom("organisations")
    .select(["name", "city", "country_code", "latitude", "longitude", "verified_at"])
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
}

export async function isOrganisationVerified(db: DB, organisationId: number): Promise<boolean> {
  const row = await db.selectFrom("organisations").select("verified_at").where("id", "=", organisationId).executeTakeFirst();
  return Boolean(row?.verified_at);
}

export type CityMember = SessionUser & { role: "city"; organisationId: number };

/**
 * A city representative who is an approved member of a VERIFIED organisation; anyone else gets a 403 page
 * (anonymous visitors are sent to the login page). A representative whose request to join is still pending
 * has no organisation (users.organisation_id is set only on approval), so they never pass.
 * `{ allowUnverified: true }` also accepts a member of an organisation not verified yet (e.g. to draft).
 */
export async function requireCityMember(
  context: AppLoadContext,
  request: Request,
  options: { allowUnverified?: boolean } = {},
): Promise<CityMember> {
  const user = await requireUser(context, request);
  // The permissions module's "city member" (a city account whose membership is approved).
  if (!roleMay(user, "hub:propose")) forbidden();
  const member = user as CityMember;
  if (!options.allowUnverified && !(await isOrganisationVerified(context.db, member.organisationId))) forbidden();
  return member;
}

/** Verified organisations, for the "join an existing organisation" select. */
export function listVerifiedOrganisations(db: DB) {
  return db
    .selectFrom("organisations")
    .select(["id", "name", "city", "country_code"])
    .where("verified_at", "is not", null)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export interface OrganisationFilter {
  status?: "unverified" | "verified" | "all";
}

/** The city representatives of each organisation (name and e-mail), for the secretariat's verification. */
export async function listRepresentatives(db: DB, organisationIds: number[]): Promise<Map<number, { name: string; email: string }[]>> {
  const result = new Map<number, { name: string; email: string }[]>();
  if (organisationIds.length === 0) return result;
  const rows = await db
    .selectFrom("users")
    .select(["organisation_id", "display_name", "email"])
    .where("role", "=", "city")
    .where("organisation_id", "in", organisationIds)
    .orderBy("id")
    .execute();
  for (const row of rows) result.set(row.organisation_id!, [...(result.get(row.organisation_id!) ?? []), { name: row.display_name, email: row.email }]);
  return result;
}

/** Every organisation's likely duplicates (same country, same or contained normalised name: organisation-names.ts). */
export async function findLikelyDuplicates(db: DB): Promise<Map<number, { id: number; name: string }[]>> {
  const all = await db.selectFrom("organisations").select(["id", "name", "country_code"]).execute();
  const found = likelyDuplicates(all);
  return new Map([...found].map(([id, matches]) => [id, matches.map((match) => ({ id: match.id, name: match.name }))]));
}

export function listOrganisationsForAdmin(db: DB, filter: OrganisationFilter = {}) {
  let query = db
    .selectFrom("organisations as o")
    .select([
      "o.id",
      "o.name",
      "o.kind",
      "o.country_code",
      "o.region",
      "o.city",
      "o.latitude",
      "o.longitude",
      "o.verified_at",
      "o.created_at",
      (eb) =>
        eb
          .selectFrom("users as u")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("u.organisation_id", "=", "o.id")
          .as("member_count"),
    ]);
  if (filter.status === "unverified") query = query.where("o.verified_at", "is", null);
  if (filter.status === "verified") query = query.where("o.verified_at", "is not", null);
  // Unverified first (they are the work to do), then by name.
  return query
    .orderBy((eb) => eb.case().when("o.verified_at", "is", null).then(0).else(1).end())
    .orderBy("o.name")
    .orderBy("o.id")
    .execute();
}

/** Marks an organisation verified (once); false when it does not exist or already was. */
export async function verifyOrganisation(db: DB, organisationId: number, actorUserId: number, now: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("organisations")
      .set({ verified_at: now })
      .where("id", "=", organisationId)
      .where("verified_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, { entity: "organisation", entityId: organisationId, actorUserId, action: "verify", fromStatus: "unverified", toStatus: "verified" });
    await notifyOrganisationVerified(trx, organisationId);
    return true;
  });
}

export function listPendingMembershipRequests(db: DB) {
  return db
    .selectFrom("membership_requests as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.id", "r.created_at", "u.display_name", "u.email", "o.id as organisation_id", "o.name as organisation_name", "o.verified_at"])
    .where("r.status", "=", "pending")
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}

/** Approves (the user becomes a member: users.organisation_id is set) or refuses a pending request. */
export async function decideMembershipRequest(
  db: DB,
  requestId: number,
  decision: "approved" | "refused",
  actorUserId: number,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .updateTable("membership_requests")
      .set({ status: decision, decided_at: now, decided_by: actorUserId })
      .where("id", "=", requestId)
      .where("status", "=", "pending")
      .returning(["user_id", "organisation_id"])
      .executeTakeFirst();
    if (!request) return false;
    if (decision === "approved") {
      await trx.updateTable("users").set({ organisation_id: request.organisation_id }).where("id", "=", request.user_id).execute();
    }
    await recordAudit(trx, {
      entity: "membership_request",
      entityId: requestId,
      actorUserId,
      action: decision === "approved" ? "approve" : "refuse",
      fromStatus: "pending",
      toStatus: decision,
    });
    return true;
  });
}

/** The user's organisation (with its verification) or their latest request to join one. */
export async function membershipOf(db: DB, user: { id: number; organisationId: number | null }) {
  const organisation = user.organisationId
    ? await db.selectFrom("organisations").select(["id", "name", "verified_at"]).where("id", "=", user.organisationId).executeTakeFirst()
    : undefined;
  const request = organisation
    ? undefined
    : await db
        .selectFrom("membership_requests as r")
        .innerJoin("organisations as o", "o.id", "r.organisation_id")
        .select(["r.status", "r.created_at", "o.name as organisation_name"])
        .where("r.user_id", "=", user.id)
        .orderBy("r.id", "desc")
        .executeTakeFirst();
  return { organisation: organisation ?? null, request: request ?? null };
}
