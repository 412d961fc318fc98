import { sql, type Kysely } from "kysely";

// Frozen once landed. Security review (issue 14), findings 5, 13 and 14:
// - outbox: a message's sign-in link token is kept apart from its body (link_token, cleared once the
//   message is sent or the token expires); the body holds a placeholder instead of the token;
// - rate_limits: one counter per (rule, subject) and fixed window, shared by every app process;
// - audit_log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), no longer tied to the
//   HUB by a cascading key (its history outlives it), and records the client's IP and user agent.
const OUTBOX_TOKEN_PLACEHOLDER = "{token}";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox add column link_token text, add column link_expires_at timestamptz`.execute(db);
  // Messages queued before this migration carry the token in their body: move it out (unsent
  // messages keep it until delivery or expiry; sent ones lose it).
  const tokenPath = "(/(?:password/reset|invitations)/)([A-Za-z0-9_-]{43})";
  await sql`
    update outbox set
      link_token = case when sent_at is null then substring(body_text from ${`/(?:password/reset|invitations)/([A-Za-z0-9_-]{43})`}) end,
      link_expires_at = created_at + case when kind = 'invitation' then interval '7 days' else interval '1 hour' end,
      body_text = regexp_replace(body_text, ${tokenPath}, ${`\\1${OUTBOX_TOKEN_PLACEHOLDER}`}, 'g')
    where kind in ('password_reset', 'invitation') and body_text ~ ${tokenPath}`.execute(db);
  await sql`update outbox set link_token = null where link_expires_at <= now()`.execute(db);
  await sql`create index outbox_link_expiry_idx on outbox (link_expires_at) where link_token is not null`.execute(db);

  await sql`
    create table rate_limits (
      bucket text primary key,
      window_started_at timestamptz not null,
      hits integer not null
    )`.execute(db);
  await sql`create index rate_limits_window_idx on rate_limits (window_started_at)`.execute(db);

  await sql`alter table audit_log drop constraint if exists audit_log_hub_id_fkey`.execute(db);
  await sql`alter table audit_log alter column entity_id drop not null`.execute(db);
  await sql`alter table audit_log add column ip text, add column user_agent text`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop trigger if exists audit_log_no_update_delete on audit_log`.execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
  await sql`alter table audit_log drop column if exists ip, drop column if exists user_agent`.execute(db);
  await db.schema.dropTable("rate_limits").ifExists().execute();
  await sql`drop index if exists outbox_link_expiry_idx`.execute(db);
  await sql`alter table outbox drop column if exists link_token, drop column if exists link_expires_at`.execute(db);
}
