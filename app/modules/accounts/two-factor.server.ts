import { createHash, randomBytes } from "node:crypto";
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import QRCode from "qrcode";
import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { UserRole } from "../../../db/schema";
import type { Env } from "~/modules/config/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { queueAccountNotice } from "./notices.server";

/**
 * Two-factor sign-in with a time-based one-time code (RFC 6238: SHA-1, 6 digits, 30 s, what every
 * authenticator app reads from an otpauth:// URI) and ten single-use recovery codes.
 * docs/decisions/130-two-factor-and-sessions.md says who must use it and why the choices.
 * The code check that counts toward the log-in throttle is `attemptSecondFactor` (login.server.ts).
 */

export const TOTP_PERIOD_SECONDS = 30;
const TOTP_ALGORITHM = "SHA-1";
const TOTP_DIGITS = 6;
/** A code of the previous or next step is accepted too (a phone's clock a little off). */
const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** A recognition, a role change or disabling an account asks for a fresh code when the last one is older. */
export const STEP_UP_MAX_AGE_MS = 15 * 60 * 1000;
const ISSUER = "Local4Action HUBs";

/** Must this role sign in with a second factor? (REQUIRE_MFA: "staff" in production, "off" elsewhere) */
export function twoFactorRequired(env: Pick<Env, "REQUIRE_MFA">, role: UserRole): boolean {
  if (env.REQUIRE_MFA === "all") return true;
  if (env.REQUIRE_MFA === "staff") return role === "council" || role === "secretariat";
  return false;
}

/**
 * Pages a signed-in account that must still enrol (or give its code) may open: the enrolment page
 * itself, the code page and logging out. Every other page sends it to enrol first.
 */
export function isSecondFactorPath(pathname: string): boolean {
  return /^\/[a-z]{2}\/(account\/two-factor|login\/code|logout)\/?$/.test(pathname);
}

export interface TwoFactorState {
  enabled: boolean;
  enabledAt: Date | null;
  /** The secret while enrolling (shown as text, URI and QR code); null once enabled. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
}

export async function twoFactorState(db: DB, userId: number): Promise<TwoFactorState> {
  const user = await db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const left = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  const enabled = user.totp_enabled_at !== null;
  return { enabled, enabledAt: user.totp_enabled_at, pendingSecret: enabled ? null : user.totp_secret, recoveryCodesLeft: Number(left.count) };
}

/** The secret being enrolled: the one already pending, or a new one stored as pending. */
export async function beginEnrolment(db: DB, userId: number): Promise<string> {
  const user = await db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) throw new Error("two-factor already enabled");
  if (user.totp_secret) return user.totp_secret;
  const { secret } = await generateTOTP({ algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
  await db.updateTable("users").set({ totp_secret: secret }).where("id", "=", userId).where("totp_enabled_at", "is", null).execute();
  return secret;
}

export function otpauthUri(secret: string, email: string): string {
  return getTOTPAuthUri({ secret, accountName: email, issuer: ISSUER, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The URI as an SVG QR code, drawn on the server (no script, no image request). */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** "123 456", "123456" → "123456"; a recovery code "abcde-12345" → "abcde12345". */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

/**
 * Checks a TOTP code against `secret` and, if right, records its time step so that neither it nor an
 * earlier one is accepted again (one atomic update: two requests with the same code, one wins).
 */
export async function acceptTotp(db: DB, userId: number, secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verifyTOTP({ otp: code, secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, window: TOTP_WINDOW });
  if (!result) return false;
  const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS) + result.delta;
  const updated = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", sql<string>`${step}`)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseCode(code)).digest("hex");
}

/** Uses one recovery code (each works once). */
async function acceptRecoveryCode(db: DB, userId: number, code: string, now: Date): Promise<boolean> {
  if (!/^[a-z0-9]{10}$/.test(code)) return false;
  const used = await db
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashRecoveryCode(code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export type CodeKind = "totp" | "recovery";

/** A code of an enabled account: the authenticator's, or else one of its recovery codes. Null when wrong. */
export async function acceptSecondFactor(db: DB, userId: number, input: string, now: Date = new Date()): Promise<CodeKind | null> {
  const user = await db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirst();
  if (!user?.totp_secret || !user.totp_enabled_at) return null;
  const code = normaliseCode(input);
  if (await acceptTotp(db, userId, user.totp_secret, code)) return "totp";
  if (await acceptRecoveryCode(db, userId, code, now)) return "recovery";
  return null;
}

/** Ten new recovery codes (the old ones stop working); the plain codes are returned once, to show. */
export async function replaceRecoveryCodes(db: DB, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 10 characters of a 32-letter alphabet without look-alikes (50 bits), shown as two groups of five.
    const code = [...randomBytes(10)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join("");
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await db
    .insertInto("recovery_codes")
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })))
    .execute();
  return codes;
}

/**
 * Confirms enrolment with the first code from the app: two-factor is on, ten recovery codes are made.
 * Returns the codes (to show once), or null when the code is wrong.
 */
export async function confirmEnrolment(db: DB, userId: number, input: string, now: Date = new Date()): Promise<string[] | null> {
  const user = await db.selectFrom("users").select(["totp_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
  if (!user.totp_secret || user.totp_enabled_at) return null;
  if (!(await acceptTotp(db, userId, user.totp_secret, normaliseCode(input)))) return null;
  await db.updateTable("users").set({ totp_enabled_at: now }).where("id", "=", userId).execute();
  return replaceRecoveryCodes(db, userId);
}

/** Turns two-factor off: secret, replay step and recovery codes are gone. */
export async function disableTwoFactor(db: DB, userId: number): Promise<void> {
  await db.updateTable("users").set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
}

/** Does this session need a fresh code before a sensitive change? Only accounts with two-factor on. */
export function stepUpNeeded(user: { twoFactorEnabled: boolean; twoFactorAt: Date | null }, now: Date = new Date()): boolean {
  if (!user.twoFactorEnabled) return false;
  return user.twoFactorAt === null || now.getTime() - user.twoFactorAt.getTime() > STEP_UP_MAX_AGE_MS;
}

/**
 * A lost device and no recovery code left: two-factor off and every session ended, audited, so the
 * account enrols again at its next sign-in (npm run admin:reset-two-factor, the secretariat's account tools).
 */
export async function resetTwoFactor(db: DB, userId: number, actorUserId: number | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await disableTwoFactor(trx, userId);
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await recordAudit(trx, { entity: "user", entityId: userId, actorUserId, action: "two_factor_reset" });
    await queueAccountNotice(trx, userId, { kind: "two_factor_off" });
  });
}
