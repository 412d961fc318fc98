import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
// The HUB proposal workflow: communication plan, council reviews, change requests of recognised HUBs.
export async function up(db: Kysely<any>): Promise<void> {
  // Communication plan: the channels as free text, events with dates, reference documents (http/https only).
  await sql`alter table hubs add column communication_channels text`.execute(db);

  await sql`
    create table hub_events (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      position integer not null,
      name text not null,
      event_date date not null
    )`.execute(db);
  await sql`create index hub_events_hub_idx on hub_events (hub_id, position)`.execute(db);

  await sql`
    create table hub_documents (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      position integer not null,
      title text not null,
      url text not null check (url ~ '^https?://')
    )`.execute(db);
  await sql`create index hub_documents_hub_idx on hub_documents (hub_id, position)`.execute(db);

  // An advisory council member's review of a submitted proposal.
  await sql`
    create table hub_reviews (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      reviewer_id integer not null references users(id),
      recommendation text not null check (recommendation in ('recognise', 'changes', 'decline')),
      comment text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hub_reviews_hub_idx on hub_reviews (hub_id, created_at)`.execute(db);

  // After recognition the outcomes and timeline are the agreed baseline: a change to them is a request
  // the secretariat decides. `baseline` and `proposed` are JSON texts ({startDate, endDate, outcomes[]}).
  await sql`
    create table hub_change_requests (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      baseline text not null,
      proposed text not null,
      requested_by integer references users(id),
      created_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      decision_comment text
    )`.execute(db);
  await sql`create unique index hub_change_requests_one_pending_idx on hub_change_requests (hub_id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["hub_change_requests", "hub_reviews", "hub_documents", "hub_events"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`alter table hubs drop column if exists communication_channels`.execute(db);
}
