import type { DB } from "../../../db/index";
import type { Language, UserRole } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import type { SignupInput } from "./schemas";
import { regionOfCountry } from "./countries";
import { normaliseOrganisationName } from "./organisation-names";

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
  return Boolean(row);
}

export type SignupResult =
  | { ok: true; userId: number; organisationId: number | null }
  | { ok: false; error: "emailTaken" | "organisationUnavailable" | "organisationExists"; organisationId?: number };

/** An organisation of `countryCode` whose name is the same once normalised (organisation-names.ts), or undefined. */
export async function findSameOrganisation(db: DB, name: string, countryCode: string): Promise<{ id: number; verified: boolean } | undefined> {
  const wanted = normaliseOrganisationName(name);
  const candidates = await db.selectFrom("organisations").select(["id", "name", "verified_at"]).where("country_code", "=", countryCode).execute();
  const same = candidates.find((candidate) => normaliseOrganisationName(candidate.name) === wanted);
  return same ? { id: same.id, verified: same.verified_at !== null } : undefined;
}

/**
 * A city representative's sign-up, in one transaction: the account, and either a new organisation
 * (unverified until the secretariat verifies it; the representative is its member) or a pending
 * request to join a verified one (no organisation until approved). Audited.
 */
export async function signUp(db: DB, input: SignupInput): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx): Promise<SignupResult> => {
      if (await emailTaken(trx, input.email)) return { ok: false, error: "emailTaken" };
      let organisationId: number | null = null;
      if (input.mode === "create") {
        // The same organisation already registered: the person asks to join it instead of a duplicate.
        const existing = await findSameOrganisation(trx, input.organisationName, input.countryCode);
        if (existing) return { ok: false, error: "organisationExists", organisationId: existing.id };
        const organisation = await trx
          .insertInto("organisations")
          .values({
            name: input.organisationName,
            kind: input.kind,
            country_code: input.countryCode,
            // The schema made sure the country has a region when none was chosen.
            region: input.region ?? regionOfCountry(input.countryCode)!,
            city: input.city,
            latitude: input.latitude,
            longitude: input.longitude,
            verified_at: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        organisationId = organisation.id;
      } else {
        const target = await trx
          .selectFrom("organisations")
          .select("id")
          .where("id", "=", input.organisationId)
          .where("verified_at", "is not", null)
          .executeTakeFirst();
        if (!target) return { ok: false, error: "organisationUnavailable" };
      }
      const user = await insertUser(trx, {
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        role: "city",
        organisationId,
        language: input.language,
      });
      await recordAudit(trx, { entity: "user", entityId: user, actorUserId: user, action: "sign_up", toStatus: "city" });
      if (input.mode === "create") {
        await recordAudit(trx, { entity: "organisation", entityId: organisationId!, actorUserId: user, action: "create", toStatus: "unverified" });
      } else {
        const request = await trx
          .insertInto("membership_requests")
          .values({ user_id: user, organisation_id: input.organisationId })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, { entity: "membership_request", entityId: request.id, actorUserId: user, action: "request", toStatus: "pending" });
      }
      return { ok: true, userId: user, organisationId };
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, error: "emailTaken" };
    throw error;
  }
}

export async function insertUser(
  db: DB,
  user: { email: string; passwordHash: string; displayName: string; role: UserRole; organisationId: number | null; language: Language },
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email.trim().toLowerCase(),
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role,
      organisation_id: user.organisationId,
      preferred_language: user.language,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
