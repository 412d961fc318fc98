import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import { insertSession } from "./session.server";
import { authenticate } from "./users.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per account (e-mail as typed) and per client IP within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type LoginResult = { ok: true; userId: number; token: string } | { ok: false; throttled: boolean };

/**
 * One login attempt, in one transaction: refuses while the account or the IP has too many recent
 * failures (even with the right password), records the attempt, and on success opens a new session.
 * The caller shows the same message for every failure, so nothing tells whether the account exists.
 */
export async function attemptLogin(
  db: DB,
  input: { email: string; password: string; ip: string; userAgent: string | null },
  now: Date = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    const [accountFailures, ipFailures] = await Promise.all([
      recentFailures(trx, "email", email, since, now),
      recentFailures(trx, "ip", input.ip, since, now),
    ]);
    const throttled = accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
    // A throttled attempt still costs an Argon2 check, so its timing says nothing either.
    const user = await authenticate(trx, email, input.password);
    const succeeded = Boolean(user) && !throttled;
    await trx.insertInto("login_attempts").values({ email, ip: input.ip, succeeded, at: now }).execute();
    const source = { ip: input.ip, userAgent: input.userAgent };
    if (!succeeded || !user) {
      // Audited until the throttle engages: past it, login_attempts alone counts the flood, so
      // the append-only audit log grows by at most the throttle's allowance per account and IP.
      if (!throttled) {
        const account = user ?? (await accountWithEmail(trx, email));
        await recordAudit(trx, { entity: "user", entityId: account?.id ?? null, actorUserId: null, action: "login_failed", comment: account ? null : email, source });
      }
      return { ok: false, throttled };
    }
    const token = await insertSession(trx, user.id, input.userAgent, now);
    await recordAudit(trx, { entity: "user", entityId: user.id, actorUserId: user.id, action: "login", source });
    return { ok: true, userId: user.id, token };
  });
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
