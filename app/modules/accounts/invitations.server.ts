import type { DB } from "../../../db/index";
import type { InvitedRole, Language } from "../../../db/schema";
import { recordAudit, type RequestSource } from "~/modules/audit/audit.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { queueMail } from "~/modules/mail/mailer.server";
import { hashPassword } from "./password.server";
import { emailTaken, insertUser, isUniqueViolation } from "./signup.server";
import { hashToken, newToken } from "./tokens.server";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "pending" | "accepted" | "expired";

function statusOf(row: { accepted_at: Date | null; expires_at: Date }, now: Date): InvitationStatus {
  if (row.accepted_at) return "accepted";
  return new Date(row.expires_at).getTime() <= now.getTime() ? "expired" : "pending";
}

/** Creates a council or secretariat invitation and queues its e-mail (single-use link valid 7 days), in one transaction. */
export async function createInvitation(
  db: DB,
  input: { email: string; role: InvitedRole; language: Language; invitedBy: number; origin: string; source?: RequestSource },
  now: Date = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; error: "emailTaken" }> {
  return db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, input.email)) return { ok: false as const, error: "emailTaken" as const };
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    const invitation = await trx
      .insertInto("invitations")
      .values({
        email: input.email.trim().toLowerCase(),
        role: input.role,
        language: input.language,
        token_hash: hash,
        invited_by: input.invitedBy,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const t = await getTranslator(input.language);
    await queueMail(trx, {
      to: input.email,
      subject: t("accounts:mail.invitation.subject"),
      text: t("accounts:mail.invitation.body", {
        role: t(`common:roles.${input.role}`),
        link: `${input.origin}/${input.language}/invitations/${token}`,
        days: INVITATION_LIFETIME_MS / 86_400_000,
      }),
      kind: "invitation",
      language: input.language,
      linkToken: { token, expiresAt },
    });
    await recordAudit(trx, { entity: "invitation", entityId: invitation.id, actorUserId: input.invitedBy, action: "invite", toStatus: input.role, source: input.source });
    return { ok: true as const, id: invitation.id };
  });
}

export async function listInvitations(db: DB, now: Date = new Date()) {
  const rows = await db
    .selectFrom("invitations as i")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select(["i.id", "i.email", "i.role", "i.language", "i.created_at", "i.expires_at", "i.accepted_at", "u.display_name as invited_by_name"])
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => ({ ...row, status: statusOf(row, now) }));
}

export type InvitationState =
  | { status: "valid"; id: number; email: string; role: InvitedRole; language: Language }
  | { status: "expired" | "used" | "unknown" };

export async function invitationState(db: DB, token: string, now: Date = new Date()): Promise<InvitationState> {
  const row = await db
    .selectFrom("invitations")
    .select(["id", "email", "role", "language", "expires_at", "accepted_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return { status: "unknown" };
  const status = statusOf(row, now);
  if (status === "accepted") return { status: "used" };
  if (status === "expired") return { status: "expired" };
  return { status: "valid", id: row.id, email: row.email, role: row.role, language: row.language };
}

/** Creates the invited account (role from the invitation) and uses up the token, in one transaction. */
export async function acceptInvitation(
  db: DB,
  token: string,
  input: { displayName: string; password: string; source?: RequestSource },
  now: Date = new Date(),
): Promise<{ ok: true; userId: number } | { ok: false; error: "expired" | "used" | "unknown" | "emailTaken" }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const state = await invitationState(trx, token, now);
      if (state.status !== "valid") return { ok: false as const, error: state.status };
      if (await emailTaken(trx, state.email)) return { ok: false as const, error: "emailTaken" as const };
      const userId = await insertUser(trx, {
        email: state.email,
        passwordHash,
        displayName: input.displayName,
        role: state.role,
        organisationId: null,
        language: state.language,
      });
      const claimed = await trx
        .updateTable("invitations")
        .set({ accepted_at: now, accepted_user_id: userId })
        .where("id", "=", state.id)
        .where("accepted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!claimed) throw new InvitationRaceError();
      await recordAudit(trx, { entity: "invitation", entityId: state.id, actorUserId: userId, action: "accept", fromStatus: "pending", toStatus: "accepted", source: input.source });
      await recordAudit(trx, { entity: "user", entityId: userId, actorUserId: userId, action: "sign_up", toStatus: state.role, source: input.source });
      return { ok: true as const, userId };
    });
  } catch (error) {
    if (error instanceof InvitationRaceError) return { ok: false, error: "used" };
    if (isUniqueViolation(error)) return { ok: false, error: "emailTaken" };
    throw error;
  }
}

class InvitationRaceError extends Error {}
