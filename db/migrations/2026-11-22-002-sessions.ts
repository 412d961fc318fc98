import { sql, type Kysely } from "kysely";

// Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // The cookie holds a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
  await sql`create index sessions_expires_idx on sessions (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sessions").ifExists().execute();
}
