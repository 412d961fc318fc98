import { sql, type Kysely } from "kysely";

/**
 * What the council dashboard shows of each public HUB's reporting, stored instead of computed per
 * request (docs/decisions/120-performance-at-scale.md): the next report due, every period not filed
 * yet (so "overdue" can be judged on any day without the calendar), the last filed update and the
 * progress of its outcomes. Written by app code (progress/reporting-state.server.ts) in the same
 * transaction as the report, schedule, timeline or status it follows; the calendar rules stay in
 * progress/calendar.ts. Rows missing (existing databases, seeds) are filled on first read.
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_reporting_state (
      hub_id integer primary key references hubs(id) on delete cascade,
      next_kind text check (next_kind in ('progress', 'final')),
      next_due_date date,
      pending_due_dates date[] not null default '{}',
      last_overall_status text check (last_overall_status in ('on_track', 'at_risk', 'off_track', 'achieved')),
      last_filed_on date,
      progress double precision,
      outcomes integer not null default 0,
      outcomes_achieved integer not null default 0
    )`.execute(db);
  await sql`create index hub_reporting_state_next_due_idx on hub_reporting_state (next_due_date, hub_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("hub_reporting_state").ifExists().execute();
}
