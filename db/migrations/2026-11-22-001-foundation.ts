import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Accent-insensitive search needs unaccent; it is a trusted extension on PostgreSQL 13+ and bundled with PGlite.
  await sql`create extension if not exists unaccent`.execute(db);

  await sql`
    create table sdg_goals (
      number integer primary key check (number between 1 and 17),
      code text not null unique,
      color text not null,
      text_color text not null,
      short_en text not null, short_es text not null, short_fr text not null,
      title_en text not null, title_es text not null, title_fr text not null
    )`.execute(db);

  await sql`
    create table sdg_targets (
      id text primary key,
      goal integer not null references sdg_goals(number),
      position integer not null,
      title_en text not null, title_es text not null, title_fr text not null
    )`.execute(db);
  await sql`create index sdg_targets_goal_idx on sdg_targets (goal, position)`.execute(db);

  await sql`
    create table themes (
      id integer generated always as identity primary key,
      slug text not null unique,
      name_en text not null, name_es text not null, name_fr text not null,
      position integer not null default 0
    )`.execute(db);

  await sql`
    create table organisations (
      id integer generated always as identity primary key,
      name text not null,
      kind text not null check (kind in ('local_government', 'regional_government', 'association')),
      country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
      region text not null check (region in ('africa', 'asia_pacific', 'eurasia', 'europe', 'latin_america', 'middle_east_west_asia', 'north_america')),
      city text not null,
      latitude double precision not null check (latitude between -90 and 90),
      longitude double precision not null check (longitude between -180 and 180),
      verified_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id integer generated always as identity primary key,
      email text not null,
      password_hash text not null,
      display_name text not null,
      role text not null check (role in ('city', 'council', 'secretariat')),
      organisation_id integer references organisations(id),
      preferred_language text not null default 'en' check (preferred_language in ('en', 'es', 'fr')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz,
      check (role <> 'city' or organisation_id is not null)
    )`.execute(db);
  await sql`create unique index users_email_idx on users (lower(email))`.execute(db);

  await sql`
    create table hubs (
      id integer generated always as identity primary key,
      slug text not null unique,
      status text not null default 'draft'
        check (status in ('draft', 'submitted', 'changes_requested', 'recognised', 'declined', 'completed', 'withdrawn')),
      lead_organisation_id integer not null references organisations(id),
      original_language text not null check (original_language in ('en', 'es', 'fr')),
      theme_id integer references themes(id),
      latitude double precision not null check (latitude between -90 and 90),
      longitude double precision not null check (longitude between -180 and 180),
      start_date date not null,
      end_date date not null,
      contact_email text,
      website text,
      version integer not null default 1,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      recognised_at timestamptz,
      completed_at timestamptz,
      check (end_date > start_date)
    )`.execute(db);
  await sql`create index hubs_status_idx on hubs (status)`.execute(db);
  await sql`create index hubs_lead_organisation_idx on hubs (lead_organisation_id)`.execute(db);

  await sql`
    create table hub_translations (
      hub_id integer not null references hubs(id) on delete cascade,
      language text not null check (language in ('en', 'es', 'fr')),
      title text,
      summary text check (char_length(summary) <= 300),
      description text,
      local_global_link text,
      acceleration text,
      synchronisation text,
      updated_at timestamptz not null default now(),
      primary key (hub_id, language)
    )`.execute(db);

  await sql`
    create table hub_goals (
      hub_id integer not null references hubs(id) on delete cascade,
      goal integer not null references sdg_goals(number),
      is_primary boolean not null default false,
      primary key (hub_id, goal)
    )`.execute(db);
  await sql`create unique index hub_goals_one_primary_idx on hub_goals (hub_id) where is_primary`.execute(db);
  await sql`create index hub_goals_goal_idx on hub_goals (goal, hub_id)`.execute(db);

  await sql`
    create table hub_targets (
      hub_id integer not null references hubs(id) on delete cascade,
      target_id text not null references sdg_targets(id),
      primary key (hub_id, target_id)
    )`.execute(db);
  await sql`create index hub_targets_target_idx on hub_targets (target_id, hub_id)`.execute(db);

  await sql`
    create table hub_participants (
      hub_id integer not null references hubs(id) on delete cascade,
      organisation_id integer not null references organisations(id),
      primary key (hub_id, organisation_id)
    )`.execute(db);

  await sql`
    create table hub_outcomes (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      position integer not null,
      statement text not null,
      indicator text not null,
      baseline double precision,
      target_value double precision,
      unit text,
      milestone text,
      due_date date not null
    )`.execute(db);
  await sql`create index hub_outcomes_hub_idx on hub_outcomes (hub_id, position)`.execute(db);

  await sql`
    create table hub_partners (
      id integer generated always as identity primary key,
      hub_id integer not null references hubs(id) on delete cascade,
      position integer not null,
      name text not null
    )`.execute(db);
  await sql`create index hub_partners_hub_idx on hub_partners (hub_id, position)`.execute(db);

  await sql`
    create table hub_synchronisations (
      hub_id integer not null references hubs(id) on delete cascade,
      other_hub_id integer not null references hubs(id) on delete cascade,
      primary key (hub_id, other_hub_id),
      check (hub_id <> other_hub_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "hub_synchronisations",
    "hub_partners",
    "hub_outcomes",
    "hub_participants",
    "hub_targets",
    "hub_goals",
    "hub_translations",
    "hubs",
    "users",
    "organisations",
    "themes",
    "sdg_targets",
    "sdg_goals",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
