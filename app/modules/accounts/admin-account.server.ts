import type { DB } from "../../../db/index";
import type { Language } from "../../../db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import { passwordProblem } from "./password-policy.server";
import { emailTaken, insertUser, isUniqueViolation } from "./signup.server";

export type CreateAdminResult = { ok: true; userId: number } | { ok: false; error: "invalidEmail" | "invalidName" | "emailTaken" | "weakPassword"; detail?: string };

/** A secretariat account (the first one in production comes from `npm run admin:create`). */
export async function createSecretariatAccount(
  db: DB,
  input: { email: string; displayName: string; password: string; language?: Language },
): Promise<CreateAdminResult> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return { ok: false, error: "invalidEmail" };
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 120) return { ok: false, error: "invalidName" };
  const problem = passwordProblem(input.password, email);
  if (problem) return { ok: false, error: "weakPassword", detail: problem };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      if (await emailTaken(trx, email)) return { ok: false as const, error: "emailTaken" as const };
      const userId = await insertUser(trx, {
        email,
        passwordHash,
        displayName,
        role: "secretariat",
        organisationId: null,
        language: input.language ?? "en",
      });
      await recordAudit(trx, { entity: "user", entityId: userId, actorUserId: null, action: "admin_create", toStatus: "secretariat" });
      return { ok: true as const, userId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "emailTaken" };
    throw error;
  }
}
