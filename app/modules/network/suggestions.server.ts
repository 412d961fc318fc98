import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { WorldRegion } from "../../../db/schema";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import type { Language } from "~/modules/i18n/config";

/**
 * Suggested partners (docs/decisions/150-hub-network.md): public HUBs a HUB could synchronise
 * with, ranked by shared SDG targets (3 points each), the same theme (2), shared goals (1 each),
 * text similarity (PostgreSQL full-text: its title words against their texts, up to 2)
 * and another region (1), each with the reasons that earned it points. Candidates come from the
 * indexes only (shared targets, same theme, matching words), never a scan of every HUB; HUBs of
 * the same organisation and HUBs already linked or asked are left out.
 */
export interface SuggestedPartner {
  slug: string;
  title: string;
  city: string;
  countryCode: string;
  region: WorldRegion;
  score: number;
  reasons: {
    sharedTargets: string[];
    sharedGoals: number[];
    sameTheme: string | null;
    similarText: boolean;
    otherRegion: boolean;
  };
}

const CANDIDATES_PER_SOURCE = 200;

export async function suggestPartners(db: DB, { hubId, language, limit = 5 }: { hubId: number; language: Language; limit?: number }): Promise<SuggestedPartner[]> {
  const result = await sql<{
    slug: string;
    title: string;
    city: string;
    country_code: string;
    region: WorldRegion;
    shared_targets: string[] | null;
    shared_goals: number[] | null;
    same_theme: string | null;
    text_rank: number;
    other_region: boolean;
    score: number;
  }>`
    with me as (
      select h.id, h.theme_id, h.lead_organisation_id, o.region from hubs h join organisations o on o.id = h.lead_organisation_id where h.id = ${hubId}
    ),
    my_targets as (select target_id from hub_targets where hub_id = ${hubId}),
    my_goals as (select goal from hub_goals where hub_id = ${hubId}),
    -- The title's words only (weight A): a summary's common words ("work", "local", "city") matched
    -- most of the 200,000 documents at 100,000 HUBs, and the GIN bitmap of them all took 35 ms.
    words as materialized (
      select to_tsquery('simple', string_agg(quote_literal(w.lexeme), ' | ')) as q
      from (select distinct lexeme from hub_search s, unnest(s.document) u
            where s.hub_id = ${hubId} and u.weights && array['A']::text[] and length(lexeme) > 3 limit 16) w
    ),
    by_target as (
      select ht.hub_id from hub_targets ht where ht.target_id in (select target_id from my_targets) and ht.hub_id <> ${hubId}
      group by ht.hub_id order by count(*) desc limit ${CANDIDATES_PER_SOURCE}
    ),
    by_theme as (
      select h.id as hub_id from hubs h, me where h.theme_id = me.theme_id and h.id <> ${hubId} and ${isPublicHubSql()} limit ${CANDIDATES_PER_SOURCE}
    ),
    -- Any matching documents first (the GIN index stops early), then only those are ranked: ranking
    -- every match of common words would read thousands of documents at 100,000 HUBs.
    text_matches as materialized (
      select s.hub_id, s.document from hub_search s, words
      where words.q is not null and s.document @@ words.q and s.hub_id <> ${hubId} limit ${CANDIDATES_PER_SOURCE * 2}
    ),
    by_text as (
      select m.hub_id, max(ts_rank(m.document, words.q)) as rank from text_matches m, words
      group by m.hub_id order by rank desc limit ${CANDIDATES_PER_SOURCE}
    ),
    candidates as (
      select hub_id from by_target union select hub_id from by_theme union select hub_id from by_text
    ),
    scored as (
      select h.slug, coalesce(${hubTitleSql(language)}, h.slug) as title, o.city, o.country_code, o.region,
        (select array_agg(t.target_id order by t.target_id) from hub_targets t where t.hub_id = h.id and t.target_id in (select target_id from my_targets)) as shared_targets,
        (select array_agg(g.goal order by g.goal) from hub_goals g where g.hub_id = h.id and g.goal in (select goal from my_goals)) as shared_goals,
        case when h.theme_id is not null and h.theme_id = me.theme_id then (select ${sql.ref(`th.name_${language}`)} from themes th where th.id = h.theme_id) end as same_theme,
        coalesce(bt.rank, 0) as text_rank,
        o.region <> me.region as other_region
      from candidates c
      join hubs h on h.id = c.hub_id
      join organisations o on o.id = h.lead_organisation_id
      cross join me
      -- A join, not a subquery per candidate: that read the 200 ranked rows once for each of ~600 candidates.
      left join by_text bt on bt.hub_id = h.id
      where ${isPublicHubSql()}
        and h.lead_organisation_id <> me.lead_organisation_id
        and not exists (
          select 1 from hub_sync_requests r where r.status in ('pending', 'accepted')
            and ((r.requester_hub_id = ${hubId} and r.target_hub_id = h.id) or (r.target_hub_id = ${hubId} and r.requester_hub_id = h.id)))
    )
    select *, (3 * coalesce(cardinality(shared_targets), 0) + coalesce(cardinality(shared_goals), 0) + case when same_theme is not null then 2 else 0 end
               + least(2, text_rank * 20) + case when other_region then 1 else 0 end)::float8 as score
    from scored
    order by score desc, slug
    limit ${limit}`.execute(db);
  return result.rows
    .filter((row) => (row.shared_targets?.length ?? 0) + (row.shared_goals?.length ?? 0) > 0 || row.same_theme || row.text_rank > 0)
    .map((row) => ({
      slug: row.slug,
      title: row.title,
      city: row.city,
      countryCode: row.country_code.trim(),
      region: row.region,
      score: Math.round(Number(row.score) * 100) / 100,
      reasons: {
        sharedTargets: row.shared_targets ?? [],
        sharedGoals: (row.shared_goals ?? []).map(Number),
        sameTheme: row.same_theme,
        similarText: Number(row.text_rank) > 0,
        otherRegion: row.other_region,
      },
    }));
}
