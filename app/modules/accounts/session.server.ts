import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import type { DB } from "../../../db/index";
import type { UserRole } from "../../../db/schema";
import type { Env } from "~/modules/config/env.server";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/modules/i18n/config";

export const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 14;

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  organisationId: number | null;
  preferredLanguage: Language;
}

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
  const token = await insertSession(db, userId, request.headers.get("user-agent"));
  return sessionCookieHeader(context.env, token);
}

/** Stores a new session (in the caller's transaction when given one) and returns its token, for `sessionCookieHeader`. */
export async function insertSession(db: DB, userId: number, userAgent: string | null, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS),
      user_agent: userAgent?.slice(0, 300) ?? null,
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

/** The signed-in user, or null. Expired, revoked and disabled sessions count as signed out. */
export async function getSessionUser(context: AppLoadContext, request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(context, request);
  if (!token) return null;
  const row = await context.db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.email", "u.display_name", "u.role", "u.organisation_id", "u.preferred_language"])
    .where("s.token_hash", "=", hashToken(token))
    .where("s.expires_at", ">", new Date())
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (row && context.requestLog) context.requestLog.userId = row.id;
  return row ? toSessionUser(row) : null;
}

/** A users row as the signed-in user the app passes around. */
export function toSessionUser(row: { id: number; email: string; display_name: string; role: UserRole; organisation_id: number | null; preferred_language: Language }): SessionUser {
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
export async function requireUser(context: AppLoadContext, request: Request): Promise<SessionUser> {
  const user = await getSessionUser(context, request);
  if (user) return user;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/${languageOf(request)}/login?${new URLSearchParams({ redirectTo })}`);
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
