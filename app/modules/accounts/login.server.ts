import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import { insertSession } from "./session.server";
import { queueAccountNotice } from "./notices.server";
import { acceptSecondFactor, type CodeKind } from "./two-factor.server";
import { authenticate } from "./users.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per account (e-mail as typed) and per client IP within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** On success `token` is the new session's; with `codeNeeded` it opens no page until the second-factor code is given. */
export type LoginResult = { ok: true; userId: number; token: string; codeNeeded: boolean } | { ok: false; throttled: boolean };

/**
 * One login attempt: refuses while the account or the IP has too many recent failures (even with
 * the right password); then, in one transaction, records the attempt and on success opens a new
 * session. The caller shows the same message for every failure, so nothing tells whether the
 * account exists.
 *
 * The counts and the password are checked before the transaction, as every other Argon2 step is
 * (sign-up, password change and reset): a check takes tens of milliseconds, and a transaction open
 * meanwhile holds one of the pool's few connections (DB_POOL_SIZE) idle. Inside a transaction the
 * counts were no safer: at read committed, two attempts at once read the same counts either way.
 */
export async function attemptLogin(
  db: DB,
  input: { email: string; password: string; ip: string; userAgent: string | null },
  now: Date = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [accountFailures, ipFailures] = await Promise.all([
    recentFailures(db, "email", email, since, now),
    recentFailures(db, "ip", input.ip, since, now),
  ]);
  const throttled = accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
  // A throttled attempt still costs an Argon2 check, so its timing says nothing either.
  const user = await authenticate(db, email, input.password);
  const succeeded = Boolean(user) && !throttled;
  return db.transaction().execute(async (trx) => {
    const codeNeeded = succeeded && user ? (await trx.selectFrom("users").select("totp_enabled_at").where("id", "=", user.id).executeTakeFirstOrThrow()).totp_enabled_at !== null : false;
    // The right password of an account with two-factor is not yet a successful log-in: a success
    // clears the account's failures, so it would let wrong codes go on for ever. The code step records it.
    if (!codeNeeded) await trx.insertInto("login_attempts").values({ email, ip: input.ip, succeeded, at: now }).execute();
    const source = { ip: input.ip, userAgent: input.userAgent };
    if (!succeeded || !user) {
      // Audited until the throttle engages: past it, login_attempts alone counts the flood, so
      // the append-only audit log grows by at most the throttle's allowance per account and IP.
      if (!throttled) {
        const account = user ?? (await accountWithEmail(trx, email));
        await recordAudit(trx, { entity: "user", entityId: account?.id ?? null, actorUserId: null, action: "login_failed", comment: account ? null : email, source });
        if (account && accountFailures + 1 === MAX_FAILURES_PER_ACCOUNT) await noticeLocked(trx, account.id, email, since, now);
      }
      return { ok: false, throttled };
    }
    const token = await insertSession(trx, user.id, input.userAgent, now, { ip: input.ip, twoFactorPending: codeNeeded });
    if (codeNeeded) {
      await recordAudit(trx, { entity: "user", entityId: user.id, actorUserId: user.id, action: "login_password", source });
    } else {
      await trx.updateTable("users").set({ last_login_at: now }).where("id", "=", user.id).execute();
      await recordAudit(trx, { entity: "user", entityId: user.id, actorUserId: user.id, action: "login", source });
    }
    return { ok: true, userId: user.id, token, codeNeeded };
  });
}

export type SecondFactorResult = { ok: true; kind: CodeKind } | { ok: false; throttled: boolean };

/**
 * One second-factor code (at sign-in, or a step-up), counted by the same throttle as passwords: a
 * wrong code is a failed attempt of the account's e-mail and of the IP, and past the limit even the
 * right code is refused until the window has passed. A right code clears the account's count as a
 * successful log-in does. `purpose` names the audit row ("login" completes the sign-in).
 */
export async function attemptSecondFactor(
  db: DB,
  input: { userId: number; code: string; ip: string; userAgent: string | null; purpose: "login" | "step_up" | "two_factor_off" },
  now: Date = new Date(),
): Promise<SecondFactorResult> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email"]).where("id", "=", input.userId).executeTakeFirstOrThrow();
    const email = user.email.trim().toLowerCase();
    const [accountFailures, ipFailures] = await Promise.all([recentFailures(trx, "email", email, since, now), recentFailures(trx, "ip", input.ip, since, now)]);
    const throttled = accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
    const kind = throttled ? null : await acceptSecondFactor(trx, input.userId, input.code, now);
    await trx.insertInto("login_attempts").values({ email, ip: input.ip, succeeded: kind !== null, at: now }).execute();
    const source = { ip: input.ip, userAgent: input.userAgent };
    if (!kind) {
      if (!throttled) {
        await recordAudit(trx, { entity: "user", entityId: input.userId, actorUserId: input.userId, action: "second_factor_failed", comment: input.purpose, source });
        if (accountFailures + 1 === MAX_FAILURES_PER_ACCOUNT) await noticeLocked(trx, input.userId, email, since, now);
      }
      return { ok: false, throttled };
    }
    if (input.purpose === "login") await trx.updateTable("users").set({ last_login_at: now }).where("id", "=", input.userId).execute();
    const action = input.purpose === "login" ? "login" : input.purpose === "step_up" ? "step_up" : "second_factor_checked";
    await recordAudit(trx, { entity: "user", entityId: input.userId, actorUserId: input.userId, action, comment: kind === "recovery" ? "recovery code" : null, source });
    return { ok: true, kind };
  });
}

/**
 * The failure just recorded locked the account: its owner gets an e-mail saying until when (the
 * oldest counted failure leaves the window then; more attempts meanwhile keep it locked longer).
 */
async function noticeLocked(db: DB, userId: number, email: string, since: Date, now: Date): Promise<void> {
  const oldest = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.min("at").as("at"))
    .where("email", "=", email)
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .where("at", "<=", now)
    .executeTakeFirst();
  const from = oldest?.at ? new Date(oldest.at) : now;
  await queueAccountNotice(db, userId, { kind: "locked", unlockAt: new Date(from.getTime() + LOGIN_WINDOW_MS) });
}

/** Failures within the window; for an account, only those after its last successful login. */
async function recentFailures(db: DB, column: "email" | "ip", value: string, since: Date, now: Date): Promise<number> {
  let from = since;
  if (column === "email") {
    const lastSuccess = await db
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.max("at").as("at"))
      .where("email", "=", value)
      .where("succeeded", "=", true)
      .where("at", ">", since)
      .executeTakeFirst();
    if (lastSuccess?.at) from = new Date(lastSuccess.at);
  }
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where(column, "=", value)
    .where("succeeded", "=", false)
    .where("at", ">", from)
    .where("at", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function accountWithEmail(db: DB, email: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
    .executeTakeFirst();
}
