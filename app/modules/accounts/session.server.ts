import { createHash, randomBytes } from "node:crypto";
import { serviceUnavailable } from "../../../db/errors";
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import type { DB } from "../../../db/index";
import type { UserRole } from "../../../db/schema";
import type { Env } from "~/modules/config/env.server";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/modules/i18n/config";
import { isSecondFactorPath, twoFactorRequired } from "./two-factor.server";

export const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 14;

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  organisationId: number | null;
  preferredLanguage: Language;
}

/** The user of a signed-in request: the account and the state of this session. */
export interface SignedInUser extends SessionUser {
  /** The account signs in with a second factor. */
  twoFactorEnabled: boolean;
  /** When a code was last given in this session (for step-up), null if never. */
  twoFactorAt: Date | null;
  /** The role must use a second factor (REQUIRE_MFA) and the account has not enrolled yet. */
  mustEnrolTwoFactor: boolean;
  /** This session's id (its token's hash), to tell it apart on "Your sessions". */
  sessionId: string;
}

/** Minutes without a request after which a session of this role ends (SESSION_IDLE_MINUTES_*). */
export function idleTimeoutMs(env: Pick<Env, "SESSION_IDLE_MINUTES_SECRETARIAT" | "SESSION_IDLE_MINUTES_COUNCIL" | "SESSION_IDLE_MINUTES_CITY">, role: UserRole): number {
  const minutes = role === "secretariat" ? env.SESSION_IDLE_MINUTES_SECRETARIAT : role === "council" ? env.SESSION_IDLE_MINUTES_COUNCIL : env.SESSION_IDLE_MINUTES_CITY;
  return minutes * 60_000;
}

/** last_seen_at is written at most this often: a page's burst of requests costs one write. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Over https the cookie is `__Host-` prefixed: browsers then accept it only if it is Secure, has
 * Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page can plant or shadow it.
 */
export const SESSION_COOKIE_NAMES = ["l4a_session", "__Host-l4a_session"] as const;

const cookies = new Map<string, ReturnType<typeof createCookie>>();
function sessionCookie(env: Env) {
  const secure = env.PUBLIC_URL?.startsWith("https://") ?? false;
  const key = `${secure}:${env.SESSION_SECRET}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE_NAMES[secure ? 1 : 0], {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      secrets: [env.SESSION_SECRET],
      maxAge: SESSION_LIFETIME_MS / 1000,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** A new session (a new id at every login); returns the Set-Cookie header value. */
export async function createSession(context: AppLoadContext, userId: number, request: Request, db: DB = context.db): Promise<string> {
  const token = await insertSession(db, userId, request.headers.get("user-agent"), new Date(), { ip: context.clientIp ?? null });
  return sessionCookieHeader(context.env, token);
}

/** Stores a new session (in the caller's transaction when given one) and returns its token, for `sessionCookieHeader`. */
export async function insertSession(
  db: DB,
  userId: number,
  userAgent: string | null,
  now: Date = new Date(),
  options: { ip?: string | null; twoFactorPending?: boolean; twoFactorAt?: Date | null } = {},
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS),
      user_agent: userAgent?.slice(0, 300) ?? null,
      ip: options.ip?.slice(0, 100) ?? null,
      two_factor_pending: options.twoFactorPending ?? false,
      two_factor_at: options.twoFactorAt ?? null,
    })
    .execute();
  return token;
}

export function sessionCookieHeader(env: Env, token: string): Promise<string> {
  return sessionCookie(env).serialize(token);
}

/** Ends every other session of the signed-in user (after a password change), keeping this one. */
export async function revokeOtherSessions(context: AppLoadContext, request: Request, userId: number, db: DB = context.db): Promise<void> {
  const token = await sessionToken(context, request);
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (token) query = query.where("token_hash", "<>", hashToken(token));
  await query.execute();
}

async function sessionToken(context: AppLoadContext, request: Request): Promise<string | null> {
  const token = await sessionCookie(context.env).parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 0 ? token : null;
}

/** The session of this request's cookie (signed-in or awaiting a code), unexpired, of an enabled account. */
async function currentSession(context: AppLoadContext, request: Request, now: Date) {
  const token = await sessionToken(context, request);
  if (!token) return null;
  const tokenHash = hashToken(token);
  const row = await context.db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "u.id",
      "u.email",
      "u.display_name",
      "u.role",
      "u.organisation_id",
      "u.preferred_language",
      "u.totp_enabled_at",
      "s.token_hash",
      "s.two_factor_pending",
      "s.two_factor_at",
      "s.last_seen_at",
    ])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  // Only the session asked for signs a request in: a row of another session, or of another
  // statement, is no answer (a 503). Under backends killed every 2 s (tests/e2e/server.test.ts) a
  // signed-in page once failed on a query given an undefined user id, as such a row would make. The
  // likely cause, since mended in postgres.js's patch: a lost transaction (then a log-in, idle
  // during its password check) kept writing to its connection after the pool had reconnected it.
  if (row.token_hash !== tokenHash) throw serviceUnavailable();
  // Idle too long (per role): the session is over; it is deleted so it leaves "Your sessions" too.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > idleTimeoutMs(context.env, row.role)) {
    await context.db.deleteFrom("sessions").where("token_hash", "=", row.token_hash).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
    await context.db.updateTable("sessions").set({ last_seen_at: now, ip: context.clientIp?.slice(0, 100) ?? null }).where("token_hash", "=", row.token_hash).execute();
  }
  return row;
}

/**
 * The signed-in user, or null. Expired, idle, revoked and disabled sessions count as signed out; so
 * does a session whose password was given but whose second-factor code is still awaited.
 */
export async function getSessionUser(context: AppLoadContext, request: Request, now: Date = new Date()): Promise<SignedInUser | null> {
  const row = await currentSession(context, request, now);
  if (!row || row.two_factor_pending) return null;
  if (context.requestLog) context.requestLog.userId = row.id;
  return {
    ...toSessionUser(row),
    twoFactorEnabled: row.totp_enabled_at !== null,
    twoFactorAt: row.two_factor_at ? new Date(row.two_factor_at) : null,
    mustEnrolTwoFactor: row.totp_enabled_at === null && twoFactorRequired(context.env, row.role),
    sessionId: row.token_hash,
  };
}

/** The account whose password was given in this session and whose code is awaited, or null. */
export async function getPendingSecondFactor(context: AppLoadContext, request: Request): Promise<{ userId: number; sessionId: string } | null> {
  const row = await currentSession(context, request, new Date());
  return row?.two_factor_pending ? { userId: row.id, sessionId: row.token_hash } : null;
}

/** The awaited code was given: the session opens pages now. */
export async function completeSecondFactor(db: DB, sessionId: string, now: Date = new Date()): Promise<void> {
  await db.updateTable("sessions").set({ two_factor_pending: false, two_factor_at: now }).where("token_hash", "=", sessionId).execute();
}

/** A fresh code was given in this session (step-up, enrolment). */
export async function recordSecondFactor(db: DB, sessionId: string, now: Date = new Date()): Promise<void> {
  await db.updateTable("sessions").set({ two_factor_at: now }).where("token_hash", "=", sessionId).execute();
}

/** A users row as the signed-in user the app passes around (without its session's state). */
export function toSessionUser(row: {
  id: number;
  email: string;
  display_name: string;
  role: UserRole;
  organisation_id: number | null;
  preferred_language: Language;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    preferredLanguage: row.preferred_language,
  };
}

/** Ends this session in the database (so the cookie is worthless even if kept); returns the clearing Set-Cookie. */
export async function destroySession(context: AppLoadContext, request: Request): Promise<string> {
  const token = await sessionToken(context, request);
  if (token) await context.db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
  return sessionCookie(context.env).serialize("", { maxAge: 0 });
}

/** A session as "Your sessions" lists it; `key` is a prefix of its token's hash, enough to name it to its owner. */
export interface SessionSummary {
  key: string;
  current: boolean;
  awaitingCode: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const SESSION_KEY_LENGTH = 16;

/** The user's sessions still alive (neither expired nor idle too long), the most recent first. */
export async function listUserSessions(
  db: DB,
  env: Parameters<typeof idleTimeoutMs>[0],
  user: Pick<SignedInUser, "id" | "role" | "sessionId">,
  now: Date = new Date(),
): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["token_hash", "created_at", "last_seen_at", "ip", "user_agent", "two_factor_pending"])
    .where("user_id", "=", user.id)
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", new Date(now.getTime() - idleTimeoutMs(env, user.role)))
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((row) => ({
    key: row.token_hash.slice(0, SESSION_KEY_LENGTH),
    current: row.token_hash === user.sessionId,
    awaitingCode: row.two_factor_pending,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    ip: row.ip,
    userAgent: row.user_agent,
  }));
}

/** Ends one of the user's own sessions, named by its key; false when there is no such session. */
export async function endUserSession(db: DB, userId: number, key: string): Promise<boolean> {
  if (!new RegExp(`^[0-9a-f]{${SESSION_KEY_LENGTH}}$`).test(key)) return false;
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("token_hash", "like", `${key}%`).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Log-out's answer headers: the session cookie cleared, and Clear-Site-Data so the browser also drops
 * what it cached of signed-in pages and anything stored for the site.
 */
export function signedOutHeaders(clearingCookie: string): HeadersInit {
  return { "Set-Cookie": clearingCookie, "Clear-Site-Data": '"cache", "cookies", "storage"' };
}

/** Ends every session of a user (password change, account disabled). */
export async function revokeUserSessions(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

function languageOf(request: Request): Language {
  const segment = new URL(request.url).pathname.split("/")[1];
  return isLanguage(segment) ? segment : DEFAULT_LANGUAGE;
}

/**
 * Signed in, or sent to the login page of the request's language, coming back here after. The sign-in
 * primitive of the permissions module: routes call `requirePermission` (permissions.server.ts) instead.
 */
export async function requireUser(context: AppLoadContext, request: Request): Promise<SignedInUser> {
  const user = await getSessionUser(context, request);
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  if (user) {
    requireEnrolled(user, request);
    return user;
  }
  throw redirect(`/${languageOf(request)}/login?${new URLSearchParams({ redirectTo })}`);
}

/** An account that must use a second factor and has none yet opens no other page than enrolment. */
export function requireEnrolled(user: Pick<SignedInUser, "mustEnrolTwoFactor">, request: Request): void {
  const url = new URL(request.url);
  if (!user.mustEnrolTwoFactor || isSecondFactorPath(url.pathname)) return;
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/${languageOf(request)}/account/two-factor?${new URLSearchParams({ redirectTo })}`);
}

/** A base no real request has: only a target that stays on it is a path of this site. */
const REDIRECT_BASE = "http://redirect.invalid";

/**
 * A path of this site to redirect to, or `fallback`: never another host, never a 500. The target
 * is resolved with `URL` (as a browser would) and must stay on the same origin. Control characters
 * and backslashes are refused outright: browsers strip tab, CR and LF ("/<TAB>/evil.example"
 * becomes "//evil.example") and read "\" as "/"; CR/LF would also break the Location header.
 * The answer is the parsed, percent-encoded path, so it always fits a header.
 */
export function safeRedirect(target: unknown, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (url.origin !== REDIRECT_BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
