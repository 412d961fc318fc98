import { sql, type Kysely } from "kysely";

// Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // A representative who asks to join an organisation has no organisation until the secretariat
  // approves: users.organisation_id stays null (so nothing lets them act for it) and the request
  // lives here. The foundation's check "a city user has an organisation" no longer holds for them.
  await sql`alter table users drop constraint if exists users_check`.execute(db);
  await sql`
    create table membership_requests (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      organisation_id integer not null references organisations(id),
      status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      decided_by integer references users(id)
    )`.execute(db);
  await sql`create unique index membership_requests_one_pending_idx on membership_requests (user_id) where status = 'pending'`.execute(db);
  await sql`create index membership_requests_status_idx on membership_requests (status, created_at)`.execute(db);

  // Every login attempt (e-mail as typed, lower-cased; the client IP): throttling counts the recent failures.
  await sql`
    create table login_attempts (
      id integer generated always as identity primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_attempts_email_idx on login_attempts (email, at)`.execute(db);
  await sql`create index login_attempts_ip_idx on login_attempts (ip, at)`.execute(db);
  await sql`create index login_attempts_at_idx on login_attempts (at)`.execute(db);

  // Single-use links: only the SHA-256 of the token is stored.
  await sql`
    create table password_reset_tokens (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index password_reset_tokens_user_idx on password_reset_tokens (user_id)`.execute(db);

  await sql`
    create table invitations (
      id integer generated always as identity primary key,
      email text not null,
      role text not null check (role in ('council', 'secretariat')),
      language text not null check (language in ('en', 'es', 'fr')),
      token_hash text not null unique,
      invited_by integer references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_user_id integer references users(id)
    )`.execute(db);
  await sql`create index invitations_created_idx on invitations (created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["invitations", "password_reset_tokens", "login_attempts", "membership_requests"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
