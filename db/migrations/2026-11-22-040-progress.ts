import { sql, type Kysely } from "kysely";

// Monitoring: reporting cadence per HUB, progress updates against the agreed outcomes, in-app notifications.
// Frozen once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // A HUB without a row reports every six months (the default cadence).
  await sql`
    create table hub_report_schedules (
      hub_id integer primary key references hubs(id) on delete cascade,
      interval_months integer not null check (interval_months between 1 and 12),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by integer references users(id)
    )`.execute(db);

  await sql`
    create table progress_updates (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      kind text not null check (kind in ('progress', 'final')),
      period_start date not null,
      period_end date not null,
      due_date date not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'clarification_requested', 'accepted')),
      overall_status text check (overall_status in ('on_track', 'at_risk', 'off_track', 'achieved')),
      original_language text not null check (original_language in ('en', 'es', 'fr')),
      version integer not null default 1,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by integer references users(id),
      accepted_at timestamptz,
      review_comment text,
      unique (hub_id, kind, due_date)
    )`.execute(db);
  await sql`create index progress_updates_status_idx on progress_updates (status, submitted_at)`.execute(db);
  await sql`create index progress_updates_hub_idx on progress_updates (hub_id, due_date)`.execute(db);

  await sql`
    create table progress_update_translations (
      update_id integer not null references progress_updates(id) on delete cascade,
      language text not null check (language in ('en', 'es', 'fr')),
      narrative text,
      primary key (update_id, language)
    )`.execute(db);

  await sql`
    create table progress_update_outcomes (
      update_id integer not null references progress_updates(id) on delete cascade,
      outcome_id integer not null references hub_outcomes(id) on delete cascade,
      value double precision,
      milestone_reached boolean,
      comment text,
      primary key (update_id, outcome_id)
    )`.execute(db);

  await sql`
    create table progress_update_activities (
      id integer generated always as identity primary key,
      update_id integer not null references progress_updates(id) on delete cascade,
      position integer not null,
      title text not null,
      held_on date not null
    )`.execute(db);
  await sql`create index progress_update_activities_idx on progress_update_activities (update_id, position)`.execute(db);

  await sql`
    create table progress_update_evidence (
      id integer generated always as identity primary key,
      update_id integer not null references progress_updates(id) on delete cascade,
      position integer not null,
      url text not null,
      label text
    )`.execute(db);
  await sql`create index progress_update_evidence_idx on progress_update_evidence (update_id, position)`.execute(db);

  // One row per message and recipient; dedupe_key makes "send once" a database guarantee
  // (INSERT … ON CONFLICT DO NOTHING), whatever the number of app processes.
  await sql`
    create table notifications (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      kind text not null,
      hub_id integer references hubs(id) on delete cascade,
      update_id integer references progress_updates(id) on delete cascade,
      due_date date,
      dedupe_key text not null unique,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(db);

  // Scheduled jobs: which run last started/finished (the lock itself is an advisory/row lock).
  await sql`
    create table job_runs (
      name text primary key,
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_result text
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "job_runs",
    "notifications",
    "progress_update_evidence",
    "progress_update_activities",
    "progress_update_outcomes",
    "progress_update_translations",
    "progress_updates",
    "hub_report_schedules",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
