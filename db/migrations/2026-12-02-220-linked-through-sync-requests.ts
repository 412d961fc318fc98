import { sql, type Kysely } from "kysely";

/**
 * A HUB page names the HUBs synchronised with it, and since migration 150 that link is an accepted
 * synchronisation request (hub_sync_requests, either way: network/synchronisation.server.ts,
 * `linkedHubIdsSql`). Migration 120's rule "a HUB's title and status also move the pages of the HUBs
 * linked to it" still followed the proposal's wished-for links (hub_synchronisations) only, so a
 * partner's new title reached a cached page only when the page cache's 30 s expired. The bump now
 * follows both: the accepted requests (by their requester and target indexes) as well as the
 * proposal's links. Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function hub_public_versions_bump(ids integer[], with_linked boolean) returns void
    language sql as $$
      insert into hub_public_versions (hub_id, version)
      select touched.id, nextval('public_version_seq')
      from (
        select distinct id from (
          select unnest(ids) as id
          union all
          select s.other_hub_id from hub_synchronisations s where with_linked and s.hub_id = any(ids)
          union all
          select s.hub_id from hub_synchronisations s where with_linked and s.other_hub_id = any(ids)
          union all
          select r.target_hub_id from hub_sync_requests r where with_linked and r.requester_hub_id = any(ids) and r.status = 'accepted'
          union all
          select r.requester_hub_id from hub_sync_requests r where with_linked and r.target_hub_id = any(ids) and r.status = 'accepted'
        ) every_id
        where id is not null
      ) touched
      on conflict (hub_id) do update set version = excluded.version
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function hub_public_versions_bump(ids integer[], with_linked boolean) returns void
    language sql as $$
      insert into hub_public_versions (hub_id, version)
      select touched.id, nextval('public_version_seq')
      from (
        select distinct id from (
          select unnest(ids) as id
          union all
          select s.other_hub_id from hub_synchronisations s where with_linked and s.hub_id = any(ids)
          union all
          select s.hub_id from hub_synchronisations s where with_linked and s.other_hub_id = any(ids)
        ) every_id
        where id is not null
      ) touched
      on conflict (hub_id) do update set version = excluded.version
    $$`.execute(db);
}
