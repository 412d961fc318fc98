import { sql, type Kysely } from "kysely";

// Frozen once landed. The HUB network (issue 16, docs/decisions/150-hub-network.md):
// - policy_councils: UCLG's Policy Councils, a reference list kept by the secretariat (names in
//   the three languages, `version` for its edit form), seeded with the five councils;
// - hub_policy_councils: a HUB linked to one or more councils;
// - hub_sync_requests: two-way synchronisation. One HUB's city asks another (a message and the
//   joint activity planned), the other accepts or declines; an accepted request IS the link. The
//   unilateral links of the proposals (hub_synchronisations) become accepted pairs here, once;
// - hub_joint_products: publications or tools made together by an accepted pair;
// - network_events: events of the whole network added by the secretariat (the yearly Venice City
//   Solutions 2030 gathering, UCLG's World Congress …), shown with the HUBs' own activities
//   (hub_events, from their communication plans) in one calendar;
// - network_event_hubs: the HUBs presented at a network event (a yearly gathering's are listed in
//   that year's annual report);
// - exchange_threads, exchange_posts, exchange_reports, exchange_follows: the exchange space
//   facilitated by the secretariat (members only unless a thread is made public).
// The public pages show all of them: writing them bumps the public data version.
const COUNCILS = [
  {
    slug: "right-to-the-city",
    en: "Right to the City and Inclusive Territories",
    es: "Derecho a la Ciudad y Territorios Inclusivos",
    fr: "Droit à la ville et territoires inclusifs",
  },
  {
    slug: "opportunities-for-all",
    en: "Opportunities for All, Culture and City Diplomacy",
    es: "Oportunidades para Todos, Cultura y Diplomacia de Ciudades",
    fr: "Opportunités pour tous, culture et diplomatie des villes",
  },
  {
    slug: "multilevel-governance",
    en: "Territorial Multilevel Governance and Sustainable Financing",
    es: "Gobernanza Territorial Multinivel y Financiación Sostenible",
    fr: "Gouvernance territoriale multiniveaux et financement durable",
  },
  {
    slug: "resilient-cities",
    en: "Safer, Resilient and Sustainable Cities",
    es: "Ciudades más Seguras, Resilientes y Sostenibles",
    fr: "Villes plus sûres, résilientes et durables",
  },
  {
    slug: "new-urban-agenda",
    en: "Implementation of the New Urban Agenda",
    es: "Implementación de la Nueva Agenda Urbana",
    fr: "Mise en œuvre du Nouvel Agenda urbain",
  },
];

const PUBLIC_TABLES = ["policy_councils", "hub_policy_councils", "hub_sync_requests", "hub_joint_products", "network_events", "network_event_hubs"];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table policy_councils (
      id serial primary key,
      slug text not null unique check (slug ~ '^[a-z0-9-]{1,60}$'),
      name_en text not null check (length(name_en) between 1 and 200),
      name_es text not null check (length(name_es) between 1 and 200),
      name_fr text not null check (length(name_fr) between 1 and 200),
      position integer not null default 0,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hub_policy_councils (
      hub_id integer not null references hubs(id) on delete cascade,
      council_id integer not null references policy_councils(id) on delete cascade,
      primary key (hub_id, council_id)
    )`.execute(db);
  await sql`create index hub_policy_councils_council_idx on hub_policy_councils (council_id, hub_id)`.execute(db);
  await sql`
    create table hub_sync_requests (
      id serial primary key,
      requester_hub_id integer not null references hubs(id) on delete cascade,
      target_hub_id integer not null references hubs(id) on delete cascade,
      -- 'proposal': migrated from a proposal's unilateral link (no message); 'request': asked here.
      origin text not null default 'request' check (origin in ('proposal', 'request')),
      message text check (length(message) <= 2000),
      joint_activity text check (length(joint_activity) <= 500),
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      requested_by integer references users(id) on delete set null,
      decided_by integer references users(id) on delete set null,
      decision_comment text check (length(decision_comment) <= 1000),
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      version integer not null default 1,
      check (requester_hub_id <> target_hub_id),
      check (origin = 'proposal' or (message is not null and joint_activity is not null))
    )`.execute(db);
  // One open or accepted request per pair of HUBs, whichever asked.
  await sql`
    create unique index hub_sync_requests_pair_idx on hub_sync_requests
      (least(requester_hub_id, target_hub_id), greatest(requester_hub_id, target_hub_id))
      where status in ('pending', 'accepted')`.execute(db);
  await sql`create index hub_sync_requests_target_idx on hub_sync_requests (target_hub_id, status)`.execute(db);
  await sql`create index hub_sync_requests_requester_idx on hub_sync_requests (requester_hub_id, status)`.execute(db);
  await sql`
    insert into hub_sync_requests (requester_hub_id, target_hub_id, origin, status, created_at, decided_at)
    select distinct on (least(hub_id, other_hub_id), greatest(hub_id, other_hub_id)) hub_id, other_hub_id, 'proposal', 'accepted', now(), now()
    from hub_synchronisations where hub_id <> other_hub_id
    order by least(hub_id, other_hub_id), greatest(hub_id, other_hub_id), hub_id`.execute(db);
  await sql`
    create table hub_joint_products (
      id serial primary key,
      sync_request_id integer not null references hub_sync_requests(id) on delete cascade,
      kind text not null check (kind in ('publication', 'tool')),
      title text not null check (length(title) between 1 and 300),
      url text not null check (length(url) <= 2048 and url ~* '^https?://'),
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hub_joint_products_request_idx on hub_joint_products (sync_request_id)`.execute(db);
  await sql`
    create table network_events (
      id serial primary key,
      kind text not null check (kind in ('gathering', 'congress', 'network')),
      title_en text not null check (length(title_en) between 1 and 200),
      title_es text not null check (length(title_es) between 1 and 200),
      title_fr text not null check (length(title_fr) between 1 and 200),
      location text not null default '' check (length(location) <= 200),
      starts_on date not null,
      ends_on date not null,
      url text check (url is null or (length(url) <= 2048 and url ~* '^https?://')),
      version integer not null default 1,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index network_events_starts_idx on network_events (starts_on)`.execute(db);
  await sql`create index hub_events_date_idx on hub_events (event_date)`.execute(db);
  await sql`
    create table network_event_hubs (
      event_id integer not null references network_events(id) on delete cascade,
      hub_id integer not null references hubs(id) on delete cascade,
      primary key (event_id, hub_id)
    )`.execute(db);
  await sql`
    create table exchange_threads (
      id serial primary key,
      topic_kind text not null check (topic_kind in ('sdg', 'theme', 'region', 'hub', 'general')),
      topic_ref text not null default '' check (length(topic_ref) <= 200),
      title text not null check (length(title) between 1 and 200),
      language text not null check (language in ('en', 'es', 'fr')),
      is_public boolean not null default false,
      pinned boolean not null default false,
      locked boolean not null default false,
      hidden boolean not null default false,
      announcement boolean not null default false,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      last_post_at timestamptz not null default now(),
      document tsvector generated always as (to_tsvector('simple', title)) stored
    )`.execute(db);
  await sql`create index exchange_threads_list_idx on exchange_threads (pinned desc, last_post_at desc)`.execute(db);
  await sql`create index exchange_threads_document_idx on exchange_threads using gin (document)`.execute(db);
  await sql`
    create table exchange_posts (
      id serial primary key,
      thread_id integer not null references exchange_threads(id) on delete cascade,
      author_id integer references users(id) on delete set null,
      body text not null check (length(body) between 1 and 5000),
      hidden boolean not null default false,
      created_at timestamptz not null default now(),
      document tsvector generated always as (to_tsvector('simple', body)) stored
    )`.execute(db);
  await sql`create index exchange_posts_thread_idx on exchange_posts (thread_id, id)`.execute(db);
  await sql`create index exchange_posts_document_idx on exchange_posts using gin (document)`.execute(db);
  await sql`
    create table exchange_reports (
      id serial primary key,
      post_id integer not null references exchange_posts(id) on delete cascade,
      reporter_id integer references users(id) on delete set null,
      reason text not null check (length(reason) between 1 and 500),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      unique (post_id, reporter_id)
    )`.execute(db);
  await sql`
    create table exchange_follows (
      thread_id integer not null references exchange_threads(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      primary key (thread_id, user_id)
    )`.execute(db);
  let position = 0;
  for (const council of COUNCILS) {
    await sql`insert into policy_councils (slug, name_en, name_es, name_fr, position)
      values (${council.slug}, ${council.en}, ${council.es}, ${council.fr}, ${position++})`.execute(db);
  }
  for (const table of PUBLIC_TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_public_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function public_data_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["exchange_follows", "exchange_reports", "exchange_posts", "exchange_threads"]) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  await sql`drop table if exists network_event_hubs`.execute(db);
  await sql`drop table if exists network_events`.execute(db);
  await sql`drop index if exists hub_events_date_idx`.execute(db);
  await sql`drop table if exists hub_joint_products`.execute(db);
  await sql`drop table if exists hub_sync_requests`.execute(db);
  await sql`drop table if exists hub_policy_councils`.execute(db);
  await sql`drop table if exists policy_councils`.execute(db);
}
