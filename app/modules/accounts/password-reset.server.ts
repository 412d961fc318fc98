import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { queueMail, revokeQueuedLinks } from "~/modules/mail/mailer.server";
import { queueAccountNotice } from "./notices.server";
import { hashPassword } from "./password.server";
import { hashToken, newToken } from "./tokens.server";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * "Forgot password": when an active account has this e-mail, a single-use link valid one hour is
 * queued in the account's language, and the account's earlier links stop working. Returns nothing
 * either way: the page says the same words.
 */
export async function requestPasswordReset(db: DB, email: string, origin: string, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "email", "display_name", "preferred_language"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!user) return;
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
    // One valid link per account: a new request revokes the links sent before it.
    await trx.deleteFrom("password_reset_tokens").where("user_id", "=", user.id).where("used_at", "is", null).execute();
    await revokeQueuedLinks(trx, user.email, now);
    await trx.insertInto("password_reset_tokens").values({ user_id: user.id, token_hash: hash, expires_at: expiresAt, created_at: now }).execute();
    const t = await getTranslator(user.preferred_language);
    const link = `${origin}/${user.preferred_language}/password/reset/${token}`;
    await queueMail(trx, {
      to: user.email,
      subject: t("accounts:mail.reset.subject"),
      text: t("accounts:mail.reset.body", { name: user.display_name, link, minutes: RESET_LIFETIME_MS / 60_000 }),
      kind: "password_reset",
      language: user.preferred_language,
      linkToken: { token, expiresAt },
    });
  });
}

export type ResetTokenState = { status: "valid"; userId: number; email: string } | { status: "expired" | "used" | "unknown" };

export async function resetTokenState(db: DB, token: string, now: Date = new Date()): Promise<ResetTokenState> {
  const row = await db
    .selectFrom("password_reset_tokens as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["r.user_id", "r.expires_at", "r.used_at", "u.email", "u.disabled_at"])
    .where("r.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at) return { status: "unknown" };
  if (row.used_at) return { status: "used" };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { status: "expired" };
  return { status: "valid", userId: row.user_id, email: row.email };
}

/**
 * Sets the new password, marks the token used and ends every session of the user, in one
 * transaction. Only one of two concurrent uses of a token wins (the update checks used_at).
 */
export async function resetPassword(db: DB, token: string, newPassword: string, now: Date = new Date()): Promise<ResetTokenState> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const state = await resetTokenState(trx, token, now);
    if (state.status !== "valid") return state;
    const claimed = await trx
      .updateTable("password_reset_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return { status: "used" as const };
    // The reset link reached the address: that confirms it too.
    await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, email_confirmed_at: eb.fn.coalesce("email_confirmed_at", eb.val(now)), email_confirm_token_hash: null, email_confirm_expires_at: null }))
      .where("id", "=", state.userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", state.userId).execute();
    await recordAudit(trx, { entity: "user", entityId: state.userId, actorUserId: state.userId, action: "password_reset" });
    await queueAccountNotice(trx, state.userId, { kind: "password_changed" });
    return state;
  });
}
