import type { DB } from "../../../db/index";
import type { Language, UserRole } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import type { SignupInput } from "./schemas";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { queueMail } from "~/modules/mail/mailer.server";
import { regionOfCountry } from "./countries";
import { hashToken, newToken } from "./tokens.server";
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
  /** The answer is the same whether the address was new (userId) or already registered (null, its owner told by e-mail). */
  | { ok: true; userId: number | null; organisationId: number | null }
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
export async function signUp(db: DB, input: SignupInput, origin: string, now: Date = new Date()): Promise<SignupResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx): Promise<SignupResult> => {
      // Never "already registered": the owner of the address is told instead (a new link if it is not confirmed yet).
      const existing = await trx
        .selectFrom("users")
        .select(["id", "email_confirmed_at"])
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email.trim().toLowerCase()))
        .executeTakeFirst();
      if (existing) {
        if (existing.email_confirmed_at) await queueSignupAttemptNotice(trx, existing.id, origin);
        else await sendConfirmationLink(trx, existing.id, origin, now);
        return { ok: true, userId: null, organisationId: null };
      }
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
      await trx.updateTable("users").set({ email_confirmed_at: null }).where("id", "=", user).execute();
      await sendConfirmationLink(trx, user, origin, now);
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
    // Two sign-ups with one address at the same moment: the unique index decides; the answer stays the same.
    if (isUniqueViolation(error)) return { ok: true, userId: null, organisationId: null };
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

/** How long a sign-up's confirmation link works. */
export const CONFIRMATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A new confirmation link for an unconfirmed account (the earlier one stops working), by e-mail in its language. */
async function sendConfirmationLink(db: DB, userId: number, origin: string, now: Date): Promise<void> {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + CONFIRMATION_LIFETIME_MS);
  const user = await db
    .updateTable("users")
    .set({ email_confirm_token_hash: hash, email_confirm_expires_at: expiresAt })
    .where("id", "=", userId)
    .returning(["email", "display_name", "preferred_language"])
    .executeTakeFirstOrThrow();
  const t = await getTranslator(user.preferred_language);
  const link = `${origin}/${user.preferred_language}/signup/confirm/${token}`;
  await queueMail(db, {
    to: user.email,
    subject: t("accounts:mail.confirm.subject"),
    text: t("accounts:mail.confirm.body", { name: user.display_name, link, days: CONFIRMATION_LIFETIME_MS / 86_400_000 }),
    kind: "signup_confirm",
    language: user.preferred_language,
    linkToken: { token, expiresAt },
  });
}

/** Someone signed up with the address of a confirmed account: its owner is told (and how to get in). */
async function queueSignupAttemptNotice(db: DB, userId: number, origin: string): Promise<void> {
  const user = await db.selectFrom("users").select(["email", "display_name", "preferred_language"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const t = await getTranslator(user.preferred_language);
  await queueMail(db, {
    to: user.email,
    subject: t("accounts:mail.signupAttempt.subject"),
    text: t("accounts:mail.signupAttempt.body", { name: user.display_name, login: `${origin}/${user.preferred_language}/login`, reset: `${origin}/${user.preferred_language}/password/forgot` }),
    kind: "account_signup_attempt",
    language: user.preferred_language,
  });
}

/** Whether a confirmation link still works. */
export async function confirmationValid(db: DB, token: string, now: Date = new Date()): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email_confirm_token_hash", "=", hashToken(token)).where("email_confirm_expires_at", ">", now).executeTakeFirst();
  return Boolean(row);
}

/** Follows a confirmation link: the address is confirmed (once) and the account may sign in. Returns the account, or null. */
export async function confirmEmail(db: DB, token: string, now: Date = new Date()): Promise<{ userId: number; language: Language } | null> {
  const row = await db
    .updateTable("users")
    .set({ email_confirmed_at: now, email_confirm_token_hash: null, email_confirm_expires_at: null })
    .where("email_confirm_token_hash", "=", hashToken(token))
    .where("email_confirm_expires_at", ">", now)
    .returning(["id", "preferred_language"])
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(db, { entity: "user", entityId: row.id, actorUserId: row.id, action: "email_confirmed" });
  return { userId: row.id, language: row.preferred_language };
}
