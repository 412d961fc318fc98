import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { UserRole } from "../../../db/schema";
import { recordAudit, type RequestSource } from "~/modules/audit/audit.server";
import { STAFF_ROLES, type StaffRole } from "./account-admin";
import { resetTwoFactor } from "./two-factor.server";

/**
 * The secretariat's account tools: find an account, see its last sign-in and two-step state, disable
 * or enable it (a disabled account's sessions end; it cannot sign in nor reset its password: see
 * users.server.ts `authenticate` and password-reset.server.ts), change a staff role, reset two-step
 * sign-in (a lost phone). Each change is audited in its transaction. Step-up is the route's.
 */

const LIST_LIMIT = 200;

export interface AccountRow {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  organisationName: string | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  twoFactorOn: boolean;
}

/** Accounts whose e-mail or name contains `query` (all when empty), by name, at most 200. */
export async function listAccounts(db: DB, query: string): Promise<AccountRow[]> {
  let select = db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.email", "u.display_name", "u.role", "o.name as organisation_name", "u.disabled_at", "u.last_login_at", "u.totp_enabled_at"])
    .orderBy("u.display_name")
    .orderBy("u.id")
    .limit(LIST_LIMIT);
  const needle = query.trim().toLowerCase();
  if (needle) {
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb(sql`lower(u.email)`, "like", pattern), eb(sql`lower(u.display_name)`, "like", pattern)]));
  }
  return (await select.execute()).map(toAccountRow);
}

export async function getAccount(db: DB, userId: number): Promise<AccountRow | null> {
  const row = await db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.id", "u.email", "u.display_name", "u.role", "o.name as organisation_name", "u.disabled_at", "u.last_login_at", "u.totp_enabled_at"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  return row ? toAccountRow(row) : null;
}

function toAccountRow(row: {
  id: number;
  email: string;
  display_name: string;
  role: UserRole;
  organisation_name: string | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  totp_enabled_at: Date | null;
}): AccountRow {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationName: row.organisation_name,
    disabledAt: row.disabled_at ? new Date(row.disabled_at) : null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at) : null,
    twoFactorOn: row.totp_enabled_at !== null,
  };
}

export type AccountChange = { ok: true } | { ok: false; error: "self" | "unchanged" | "notStaff" };

/** Disables (sessions end at once) or enables an account; never one's own. */
export async function setAccountDisabled(db: DB, actorId: number, userId: number, disabled: boolean, source: RequestSource): Promise<AccountChange> {
  if (actorId === userId) return { ok: false, error: "self" };
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("users")
      .set({ disabled_at: disabled ? new Date() : null })
      .where("id", "=", userId)
      .where("disabled_at", disabled ? "is" : "is not", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { ok: false, error: "unchanged" } as const;
    if (disabled) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await recordAudit(trx, { entity: "user", entityId: userId, actorUserId: actorId, action: disabled ? "account_disabled" : "account_enabled", source });
    return { ok: true } as const;
  });
}

/** Moves a staff account between council and secretariat (audited with both roles); never one's own. */
export async function changeStaffRole(db: DB, actorId: number, userId: number, role: StaffRole, source: RequestSource): Promise<AccountChange> {
  if (actorId === userId) return { ok: false, error: "self" };
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("users").select("role").where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!current || !(STAFF_ROLES as readonly string[]).includes(current.role)) return { ok: false, error: "notStaff" } as const;
    if (current.role === role) return { ok: false, error: "unchanged" } as const;
    await trx.updateTable("users").set({ role }).where("id", "=", userId).execute();
    await recordAudit(trx, { entity: "user", entityId: userId, actorUserId: actorId, action: "role_changed", fromStatus: current.role, toStatus: role, source });
    return { ok: true } as const;
  });
}

/** Two-step sign-in off and sessions ended for a lost phone (the account enrols again at its next sign-in). */
export async function resetAccountTwoFactor(db: DB, actorId: number, userId: number): Promise<AccountChange> {
  if (actorId === userId) return { ok: false, error: "self" };
  await resetTwoFactor(db, userId, actorId);
  return { ok: true };
}
