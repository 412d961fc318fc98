import { sql, type Kysely } from "kysely";

/**
 * Frozen once landed. A HUB page shows its exchange participation (the visible posts of its lead
 * organisation's members), so exchange posts must move that page's version (migration 120) and the
 * public data version, like every table the page reads. The page read the author's organisation
 * through `users`, which changes at every sign-in; instead each post keeps the organisation its
 * author spoke for, set when it is written (a trigger, so every writer, the demo seed included,
 * gets it), and only the HUBs that organisation leads move when a post is written, hidden or deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table exchange_posts add column author_organisation_id integer references organisations(id) on delete set null`.execute(db);
  await sql`update exchange_posts p set author_organisation_id = u.organisation_id from users u where u.id = p.author_id`.execute(db);
  await sql`create index exchange_posts_organisation_idx on exchange_posts (author_organisation_id) where not hidden`.execute(db);
  await sql`
    create function exchange_posts_author_organisation() returns trigger
    language plpgsql as $$
    begin
      if new.author_organisation_id is null and new.author_id is not null then
        select organisation_id into new.author_organisation_id from users where id = new.author_id;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger exchange_posts_author_organisation before insert on exchange_posts
    for each row execute function exchange_posts_author_organisation()`.execute(db);

  await sql`
    create function hub_public_versions_exchange_post_statement() returns trigger
    language plpgsql as $$
    declare
      ids integer[] := '{}';
      part integer[];
    begin
      if tg_op <> 'DELETE' then
        select array_agg(h.id) into part from hubs h where h.lead_organisation_id in (select author_organisation_id from new_rows);
        ids := ids || coalesce(part, '{}');
      end if;
      if tg_op <> 'INSERT' then
        select array_agg(h.id) into part from hubs h where h.lead_organisation_id in (select author_organisation_id from old_rows);
        ids := ids || coalesce(part, '{}');
      end if;
      perform hub_public_versions_bump(ids, false);
      return null;
    end
    $$`.execute(db);
  const events = [
    ["insert", "referencing new table as new_rows"],
    ["update", "referencing old table as old_rows new table as new_rows"],
    ["delete", "referencing old table as old_rows"],
  ];
  for (const [event, referencing] of events) {
    await sql`
      create trigger ${sql.raw(`exchange_posts_hub_public_versions_${event}`)}
      after ${sql.raw(event)} on exchange_posts
      ${sql.raw(referencing)}
      for each statement execute function hub_public_versions_exchange_post_statement()`.execute(db);
  }
  await sql`
    create trigger exchange_posts_public_version
    after insert or update or delete or truncate on exchange_posts
    for each statement execute function public_data_version_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists exchange_posts_public_version on exchange_posts`.execute(db);
  for (const event of ["insert", "update", "delete"]) await sql`drop trigger if exists ${sql.raw(`exchange_posts_hub_public_versions_${event}`)} on exchange_posts`.execute(db);
  await sql`drop function if exists hub_public_versions_exchange_post_statement()`.execute(db);
  await sql`drop trigger if exists exchange_posts_author_organisation on exchange_posts`.execute(db);
  await sql`drop function if exists exchange_posts_author_organisation()`.execute(db);
  await sql`alter table exchange_posts drop column if exists author_organisation_id`.execute(db);
}
