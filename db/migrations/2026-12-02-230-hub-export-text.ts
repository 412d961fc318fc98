import { sql, type Kysely } from "kysely";

/**
 * Stored open-data text (docs/decisions/120-performance-at-scale.md, section 4). Each HUB's GeoJSON
 * feature and CSV line, per language, kept as three pieces around the two fields that depend on the
 * day (its public status and its pace), with what the status is computed from (the HUB's stored
 * status and dates), and stamped with what every HUB's text shares: the export layout, the public
 * origin and `export_reference_version`. An export uses a stored row only when its stamp is the
 * current one, and makes the others again.
 *
 * A HUB's own writes: every write an export shows moves the HUB's version (hub_public_versions,
 * migrations 120, 160, 220), and a trigger there deletes the HUB's stored text, so a stored row is
 * never older than the HUB's last write. (Storing checks the version the text was made from, under a
 * share lock on the version row: opendata/export-text.server.ts.)
 *
 * export_reference_version moves when the shared rows an export shows change: an organisation's
 * name or place, a theme's names, a Policy Council's slug. Not on insert (unlike
 * public_reference_version): a new organisation, theme or council is in no HUB's export until a HUB
 * row links it, and that write moves the HUB's own version. So an open sign-up does not make every
 * stored export stale. Frozen once landed.
 */
const EXPORT_REFERENCE_TABLES = ["organisations", "themes", "policy_councils"];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table hub_export_text (
      hub_id integer not null references hubs (id) on delete cascade,
      language text not null check (language in ('en', 'es', 'fr')),
      format text not null check (format in ('geojson', 'csv')),
      stamp text not null,
      status text not null,
      start_date date not null,
      end_date date not null,
      head text not null,
      middle text not null,
      tail text not null,
      primary key (hub_id, language, format)
    )`.execute(db);
  await sql`
    create function hub_export_text_forget() returns trigger
    language plpgsql as $$
    begin
      delete from hub_export_text where hub_id = new.hub_id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger hub_public_versions_export_text
    after insert or update on hub_public_versions
    for each row execute function hub_export_text_forget()`.execute(db);
  await sql`create table export_reference_version (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into export_reference_version (id, version) values (1, nextval('public_version_seq'))`.execute(db);
  await sql`
    create function export_reference_version_bump() returns trigger
    language plpgsql as $$
    begin
      update export_reference_version set version = nextval('public_version_seq') where id = 1;
      return null;
    end
    $$`.execute(db);
  for (const table of EXPORT_REFERENCE_TABLES) {
    await sql`
      create trigger ${sql.raw(`${table}_export_reference_version`)}
      after update or delete or truncate on ${sql.table(table)}
      for each statement execute function export_reference_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of EXPORT_REFERENCE_TABLES) await sql`drop trigger if exists ${sql.raw(`${table}_export_reference_version`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists export_reference_version_bump()`.execute(db);
  await sql`drop trigger if exists hub_public_versions_export_text on hub_public_versions`.execute(db);
  await sql`drop function if exists hub_export_text_forget()`.execute(db);
  await sql`drop table if exists export_reference_version`.execute(db);
  await sql`drop table if exists hub_export_text`.execute(db);
}
