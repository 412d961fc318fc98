import { sql, type Kysely } from "kysely";

// Frozen once landed. Issue 10 (docs/decisions/130-two-factor-and-sessions.md):
// - users: a TOTP secret (pending until a first code confirms it), the last accepted time step
//   (a code is never accepted twice), the last sign-in, and the e-mail address confirmation (accounts
//   made before, by invitation or by the CLI count as confirmed: the default; a self sign-up starts
//   unconfirmed with a link token, only its hash kept);
// - recovery_codes: ten single-use codes per account, only their SHA-256 kept;
// - sessions: "password given, code awaited", when the last code was given (step-up), the client's IP,
//   and the idle timeout is measured from last_seen_at (already there).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      add column totp_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step bigint,
      add column last_login_at timestamptz,
      add column email_confirmed_at timestamptz default now(),
      add column email_confirm_token_hash text,
      add column email_confirm_expires_at timestamptz`.execute(db);
  await sql`create unique index users_email_confirm_token_idx on users (email_confirm_token_hash) where email_confirm_token_hash is not null`.execute(db);
  await sql`
    create table recovery_codes (
      id serial primary key,
      user_id integer not null references users(id) on delete cascade,
      code_hash text not null,
      created_at timestamptz not null default now(),
      used_at timestamptz
    )`.execute(db);
  await sql`create unique index recovery_codes_user_hash_idx on recovery_codes (user_id, code_hash)`.execute(db);
  await sql`
    alter table sessions
      add column two_factor_pending boolean not null default false,
      add column two_factor_at timestamptz,
      add column ip text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions drop column if exists two_factor_pending, drop column if exists two_factor_at, drop column if exists ip`.execute(db);
  await db.schema.dropTable("recovery_codes").ifExists().execute();
  await sql`
    alter table users
      drop column if exists totp_secret, drop column if exists totp_enabled_at,
      drop column if exists totp_last_step, drop column if exists last_login_at,
      drop column if exists email_confirmed_at, drop column if exists email_confirm_token_hash, drop column if exists email_confirm_expires_at`.execute(db);
}
