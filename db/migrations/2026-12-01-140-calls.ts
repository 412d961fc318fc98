import { sql, type Kysely } from "kysely";

// Frozen once landed. Calls for proposals (issue 11, docs/decisions/140-calls-for-proposals.md):
// - calls: the secretariat's calls; the state a reader sees (draft, scheduled, open, closed, results
//   published) is derived from `published`, the UTC opening and closing times and `results_published_at`
//   (app/modules/calls/call-lifecycle.ts). A standing call has no closing time; there is at most one.
// - call_translations: title, summary and full text per language (a null field is a missing translation);
//   call_criteria: the evaluation criteria, frozen once the call opens (checked by the module);
//   call_themes, call_goals, call_documents: priority themes, SDG focus and documents.
// - hubs.call_id: the call a proposal answers. Existing HUBs belong to a past call (created here when
//   there are any), and a standing call keeps continuous recognition open as before.
// - call_assignments / call_scores: the council's evaluation (conflicts of interest, 1–5 scores,
//   recommendations).
// - announced_at / results_notified_at: claimed by one conditional UPDATE, so the announcement and the
//   results notices are queued once even with several app processes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table calls (
      id integer generated always as identity primary key,
      slug text not null unique check (slug ~ '^[a-z0-9-]{1,200}$'),
      original_language text not null check (original_language in ('en', 'es', 'fr')),
      standing boolean not null default false,
      published boolean not null default false,
      opens_at timestamptz not null,
      closes_at timestamptz,
      max_timeline_years integer not null default 3 check (max_timeline_years between 1 and 3),
      eligible_kinds text[] not null default '{local_government,regional_government,association}',
      results_published_at timestamptz,
      announced_at timestamptz,
      results_notified_at timestamptz,
      version integer not null default 1,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (standing or closes_at is not null),
      check (closes_at is null or closes_at > opens_at)
    )`.execute(db);
  await sql`create unique index calls_one_standing_idx on calls ((true)) where standing`.execute(db);
  await sql`
    create table call_translations (
      call_id integer not null references calls(id) on delete cascade,
      language text not null check (language in ('en', 'es', 'fr')),
      title text,
      summary text,
      body text,
      updated_at timestamptz not null default now(),
      primary key (call_id, language)
    )`.execute(db);
  await sql`
    create table call_criteria (
      id integer generated always as identity primary key,
      call_id integer not null references calls(id) on delete cascade,
      position integer not null,
      title_en text,
      title_es text,
      title_fr text
    )`.execute(db);
  await sql`create index call_criteria_call_idx on call_criteria (call_id, position)`.execute(db);
  await sql`
    create table call_themes (
      call_id integer not null references calls(id) on delete cascade,
      theme_id integer not null references themes(id) on delete cascade,
      primary key (call_id, theme_id)
    )`.execute(db);
  await sql`
    create table call_goals (
      call_id integer not null references calls(id) on delete cascade,
      goal integer not null references sdg_goals(number),
      primary key (call_id, goal)
    )`.execute(db);
  await sql`
    create table call_documents (
      id integer generated always as identity primary key,
      call_id integer not null references calls(id) on delete cascade,
      position integer not null,
      title text not null,
      url text not null check (url ~* '^https?://' and length(url) <= 2048)
    )`.execute(db);
  await sql`alter table hubs add column call_id integer references calls(id)`.execute(db);
  await sql`create index hubs_call_idx on hubs (call_id)`.execute(db);

  await sql`
    create table call_assignments (
      hub_id integer not null references hubs(id) on delete cascade,
      reviewer_id integer not null references users(id),
      assigned_by integer references users(id),
      assigned_at timestamptz not null default now(),
      conflict boolean not null default false,
      conflict_note text,
      recommendation text check (recommendation in ('recognise', 'changes', 'decline')),
      comment text,
      scored_at timestamptz,
      primary key (hub_id, reviewer_id)
    )`.execute(db);
  await sql`create index call_assignments_reviewer_idx on call_assignments (reviewer_id)`.execute(db);
  await sql`
    create table call_scores (
      hub_id integer not null,
      reviewer_id integer not null,
      criterion_id integer not null references call_criteria(id) on delete cascade,
      score integer not null check (score between 1 and 5),
      comment text not null default '',
      primary key (hub_id, reviewer_id, criterion_id),
      foreign key (hub_id, reviewer_id) references call_assignments(hub_id, reviewer_id) on delete cascade
    )`.execute(db);

  for (const table of ["calls", "call_translations", "call_criteria", "call_themes", "call_goals", "call_documents"]) {
    await sql`
      create trigger ${sql.raw(`${table}_public_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_data_version_bump()`.execute(db);
  }

  // Continuous recognition as before this migration: a standing call, open since long ago.
  const standing = await sql<{ id: number }>`
    insert into calls (slug, original_language, standing, published, opens_at, announced_at)
    values ('continuous-recognition', 'en', true, true, '2000-01-01T00:00:00Z', now()) returning id`.execute(db);
  await insertTexts(db, standing.rows[0].id, {
    en: ["Continuous recognition", "Propose a HUB at any time: the secretariat reviews proposals as they arrive."],
    es: ["Reconocimiento continuo", "Proponga un HUB en cualquier momento: la secretaría revisa las propuestas a medida que llegan."],
    fr: ["Reconnaissance continue", "Proposez un HUB à tout moment : le secrétariat examine les propositions au fil de l’eau."],
  });

  // HUBs proposed before calls existed belong to a past call whose results are published.
  const existing = await sql<{ count: number }>`select count(*)::int as count from hubs`.execute(db);
  if (existing.rows[0].count > 0) {
    const past = await sql<{ id: number }>`
      insert into calls (slug, original_language, published, opens_at, closes_at, results_published_at, announced_at, results_notified_at)
      select 'first-call', 'en', true,
        coalesce(min(created_at), now()) - interval '1 day', greatest(coalesce(max(submitted_at), max(created_at)), min(created_at)) + interval '1 second',
        now(), now(), now()
      from hubs returning id`.execute(db);
    await insertTexts(db, past.rows[0].id, {
      en: ["First call for HUBs", "The HUBs proposed before calls for proposals were published."],
      es: ["Primera convocatoria de HUBs", "Los HUBs propuestos antes de que se publicaran convocatorias."],
      fr: ["Premier appel à HUBs", "Les HUBs proposés avant la publication d’appels à propositions."],
    });
    await sql`update hubs set call_id = ${past.rows[0].id}`.execute(db);
  }
}

async function insertTexts(db: Kysely<any>, callId: number, texts: Record<"en" | "es" | "fr", [string, string]>) {
  for (const [language, [title, summary]] of Object.entries(texts)) {
    await sql`insert into call_translations (call_id, language, title, summary, body) values (${callId}, ${language}, ${title}, ${summary}, ${summary})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["call_scores", "call_assignments"]) await db.schema.dropTable(table).ifExists().execute();
  await sql`alter table hubs drop column if exists call_id`.execute(db);
  for (const table of ["call_documents", "call_goals", "call_themes", "call_criteria", "call_translations", "calls"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
