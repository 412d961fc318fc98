import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import { queueAccountNotice } from "./notices.server";
import { hashPassword, verifyPassword } from "./password.server";
import { revokeOtherSessions } from "./session.server";

/** The user with this e-mail and password, or null; the same work either way so timing does not reveal accounts. */
export async function authenticate(db: DB, email: string, password: string): Promise<{ id: number } | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled_at", "email_confirmed_at"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  // A fixed, valid Argon2id hash of a random password: verifying against it costs what a real check costs.
  const hash = user?.password_hash ?? DUMMY_HASH;
  const valid = await verifyPassword(hash, password);
  // An address not confirmed yet (self sign-up before its link) opens nothing.
  if (!user || !valid || user.disabled_at || !user.email_confirmed_at) return null;
  return { id: user.id };
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$nJhh9/DHArQ1uL1dQ+/YsA$lj0AVVtpZpAFVrJzu2pWxudgIg5YgW50l0NkhFoPgnw";

/** True when `password` is the signed-in user's current one (asked before a password change). */
export async function isCurrentPassword(db: DB, userId: number, password: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  return verifyPassword(row.password_hash, password);
}

/** Sets a new password and ends every other session of the user (whoever knew the old one is signed out), audited, in one transaction. */
export async function changePassword(context: AppLoadContext, request: Request, userId: number, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await context.db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    await revokeOtherSessions(context, request, userId, trx);
    await recordAudit(trx, { entity: "user", entityId: userId, actorUserId: userId, action: "password_change" });
    await queueAccountNotice(trx, userId, { kind: "password_changed" });
  });
}
