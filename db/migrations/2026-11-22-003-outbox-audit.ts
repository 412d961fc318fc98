import { sql, type Kysely } from "kysely";

// Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // Every e-mail the app sends is recorded here; without SMTP_URL this is where it stays
  // (the secretariat reads it in the app), so the demo works offline.
  await sql`
    create table outbox (
      id integer generated always as identity primary key,
      to_address text not null,
      subject text not null,
      body_text text not null,
      kind text not null,
      language text not null check (language in ('en', 'es', 'fr')),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      error text
    )`.execute(db);
  await sql`create index outbox_created_idx on outbox (created_at desc)`.execute(db);

  // Who did what, when: written in the same transaction as the change it records.
  await sql`
    create table audit_log (
      id integer generated always as identity primary key,
      entity text not null,
      entity_id integer not null,
      hub_id integer references hubs(id) on delete cascade,
      actor_user_id integer references users(id),
      action text not null,
      from_status text,
      to_status text,
      comment text,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id, at)`.execute(db);
  await sql`create index audit_log_hub_idx on audit_log (hub_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").ifExists().execute();
  await db.schema.dropTable("outbox").ifExists().execute();
}
