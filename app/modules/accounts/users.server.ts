import type { DB } from "../../../db/index";
import { verifyPassword } from "./password.server";

/** The user with this e-mail and password, or null; the same work either way so timing does not reveal accounts. */
export async function authenticate(db: DB, email: string, password: string): Promise<{ id: number } | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled_at"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  // A fixed, valid Argon2id hash of a random password: verifying against it costs what a real check costs.
  const hash = user?.password_hash ?? DUMMY_HASH;
  const valid = await verifyPassword(hash, password);
  if (!user || !valid || user.disabled_at) return null;
  return { id: user.id };
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$nJhh9/DHArQ1uL1dQ+/YsA$lj0AVVtpZpAFVrJzu2pWxudgIg5YgW50l0NkhFoPgnw";
