import { sql, type Kysely } from "kysely";

// Frozen once landed. The HUB network (issue 16, docs/decisions/150-hub-network.md):
// - policy_councils: UCLG's Policy Councils, a reference list kept by the secretariat (names in
//   the three languages, `version` for its edit form), seeded with the five councils;
// - hub_policy_councils: a HUB linked to one or more councils.
// The public pages show both: writing them bumps the public data version.
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

const PUBLIC_TABLES = ["policy_councils", "hub_policy_councils"];

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
  await sql`drop table if exists hub_policy_councils`.execute(db);
  await sql`drop table if exists policy_councils`.execute(db);
}
