import type { DB } from "../../db/index";
import type { Language, UserRole } from "../../db/schema";
import { insertSession, sessionCookieHeader } from "~/modules/accounts/session.server";
import type { Env } from "~/modules/config/env.server";
import type { TestDatabase } from "./database";
import { createUser } from "./progress-fixtures";
import { testEnv } from "./routes";

/**
 * Signs a user in without the log-in form: a session row written straight to the database and
 * the "l4a_session=…" pair for a Cookie header (or a browser context), signed with `env`'s secret.
 */
export async function sessionCookie(db: DB, env: Env, userId: number): Promise<string> {
  const token = await insertSession(db, userId, "tests");
  return (await sessionCookieHeader(env, token)).split(";")[0];
}

/** The Cookie header of a new session of an existing user, for `callRoute`. */
export function cookieFor(database: TestDatabase, userId: number): Promise<string> {
  return sessionCookie(database.db, testEnv, userId);
}

export type SignedInUser = { id: number; email: string; organisationId: number | null; cookie: string };

/**
 * A new user of `role`, signed in. A city user gets an organisation of its own unless one is given.
 * For the demo accounts (when the test seeded them) use `cookieFor` with their id.
 */
export async function loginAs(database: TestDatabase, role: UserRole, options: { language?: Language; organisationId?: number | null } = {}): Promise<SignedInUser> {
  const user = await createUser(database.db, { role, ...options });
  return { id: user.id, email: user.email, organisationId: user.organisation_id, cookie: await cookieFor(database, user.id) };
}

/** The seeded demo account of `role` (city@demo.l4a.test …), signed in. */
export async function loginAsDemo(database: TestDatabase, role: UserRole): Promise<SignedInUser> {
  const user = await database.db.selectFrom("users").select(["id", "email", "organisation_id"]).where("email", "=", `${role}@demo.l4a.test`).executeTakeFirstOrThrow();
  return { id: user.id, email: user.email, organisationId: user.organisation_id, cookie: await cookieFor(database, user.id) };
}
