import type { AppLoadContext, HeadersFunction } from "@remix-run/node";
import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { Env } from "~/modules/config/env.server";

/**
 * Rate limits that hold across every app process: one counter per rule and subject (an IP, an
 * account, a user) in the database's rate_limits table, counted in fixed windows by one atomic
 * upsert, so two processes (or two requests at once) never both see the last free slot.
 * The log-in throttle keeps its own rule (accounts/login.server.ts): it counts failures only.
 * Old counters are deleted by the hourly housekeeping (`pruneRateLimits`).
 */

export interface RateLimitRule {
  /** Part of the counter's key: "signup", "password-reset:account" … */
  name: string;
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
  /**
   * Counted with an asynchronous commit: the answer does not wait for the counter's WAL flush (about
   * half a millisecond here, on every search), and a database crash may forget the last fraction of a
   * second of counts (PostgreSQL's `synchronous_commit = off`, for this statement's own transaction
   * only). For a limit that only stops floods; never applied inside a caller's transaction, whose
   * whole commit it would make asynchronous (decision 120, section 22).
   */
  asyncCommit?: boolean;
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Every limit of the app, in one place; the ones an operator may want to tune come from the environment. */
export function rateLimitRules(env: Pick<Env, "RATE_LIMIT_SEARCH_PER_MINUTE" | "RATE_LIMIT_SIGNUP_PER_HOUR" | "RATE_LIMIT_PASSWORD_RESET_PER_HOUR">) {
  return {
    /** Anonymous searches (the home page with `q`) and map data, per IP: generous, only stops floods. */
    search: { name: "search:ip", max: env.RATE_LIMIT_SEARCH_PER_MINUTE, windowMs: MINUTE_MS, asyncCommit: true },
    /** Each sign-up costs an Argon2 hash. */
    signup: { name: "signup:ip", max: env.RATE_LIMIT_SIGNUP_PER_HOUR, windowMs: HOUR_MS },
    /** Reset e-mails to one address (the e-mail as typed: the account may not exist). */
    passwordResetAccount: { name: "password-reset:account", max: env.RATE_LIMIT_PASSWORD_RESET_PER_HOUR, windowMs: HOUR_MS },
    /** Reset requests from one IP, whatever the addresses. */
    passwordResetIp: { name: "password-reset:ip", max: 20, windowMs: HOUR_MS },
    /** Checks of the current password on /account, per user: each is an Argon2 verification and a guess. */
    currentPassword: { name: "current-password:user", max: 5, windowMs: 15 * MINUTE_MS },
    /** New threads and replies in the exchange space, per user (issue 16). */
    exchangePost: { name: "exchange-post:user", max: 20, windowMs: HOUR_MS },
  } satisfies Record<string, RateLimitRule>;
}

/** Audit rows for refused requests, per user: beyond this, a refusal is not written (the log is append-only, never pruned). */
export const AUDIT_REFUSALS_RULE: RateLimitRule = { name: "audit-refusals:user", max: 30, windowMs: HOUR_MS };

export type RateLimitRules = ReturnType<typeof rateLimitRules>;

/** Counts one request of `subject` against `rule` and says whether it is allowed. */
export async function consumeRateLimit(db: DB, rule: RateLimitRule, subject: string, now: Date = new Date()): Promise<RateLimitDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  // A setting made local by set_config lasts as long as the statement's own transaction: the
  // statement is one when it runs on its own (see RateLimitRule.asyncCommit).
  const asyncCommit = rule.asyncCommit === true && !db.isTransaction;
  // In ON CONFLICT … DO UPDATE both expressions read the row as it was: a counter from an earlier
  // window starts again at 1; a clock a little behind another process's never moves a window back.
  const row = await db
    .with("commit_mode", (query) => query.selectNoFrom(sql<string | null>`case when ${asyncCommit} then set_config('synchronous_commit', 'off', true) end`.as("setting")))
    .insertInto("rate_limits")
    .values({ bucket: `${rule.name}:${subject}`, window_started_at: windowStart, hits: 1 })
    .onConflict((conflict) =>
      conflict.column("bucket").doUpdateSet({
        hits: sql<number>`case when rate_limits.window_started_at >= excluded.window_started_at then rate_limits.hits + 1 else 1 end`,
        window_started_at: sql<Date>`greatest(rate_limits.window_started_at, excluded.window_started_at)`,
      }),
    )
    // Read in RETURNING, so the CTE runs (and the setting is made) before the commit.
    .returning(["hits", "window_started_at", sql<string | null>`(select setting from commit_mode)`.as("commit_mode")])
    .executeTakeFirstOrThrow();
  if (row.hits <= rule.max) return { allowed: true, remaining: rule.max - row.hits };
  const windowEnd = new Date(row.window_started_at).getTime() + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
}

export function retryAfterHeaders(decision: { retryAfterSeconds: number }): HeadersInit {
  return { "Retry-After": String(decision.retryAfterSeconds) };
}

/** For loaders: over the limit, throws a 429 with Retry-After (the localised error page, or the body given for an API). */
export async function enforceRateLimit(
  context: AppLoadContext,
  rule: RateLimitRule,
  subject: string,
  options: { body?: string; contentType?: string } = {},
): Promise<void> {
  const decision = await consumeRateLimit(context.db, rule, subject);
  if (decision.allowed) return;
  const headers = new Headers(retryAfterHeaders(decision));
  if (options.contentType) headers.set("Content-Type", options.contentType);
  throw new Response(options.body ?? "Too many requests", { status: 429, headers });
}

/**
 * The `headers` export that keeps a 429's Retry-After in a document response (Remix drops a
 * loader's or action's own headers unless the route passes them on): on the root, for a thrown 429
 * rendered by its error boundary; on a route whose action answers its form with a 429.
 */
export const passRetryAfter: HeadersFunction = ({ parentHeaders, loaderHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** Deletes counters whose window ended more than a day ago (no rule looks back further). */
export async function pruneRateLimits(db: DB, now: Date = new Date()): Promise<number> {
  const result = await db.deleteFrom("rate_limits").where("window_started_at", "<", new Date(now.getTime() - 24 * HOUR_MS)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
