import type { Kysely } from "kysely";
import type { Database, Language, OverallStatus, WorldRegion } from "../../../db/schema";
import { outcomeFraction } from "./calendar";
import { hubText, hubTextLanguage, joinHubTexts } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";

export interface AnnualReportHub {
  id: number;
  slug: string;
  title: string;
  titleLanguage: Language;
  summary: string;
  city: string;
  countryCode: string;
  region: WorldRegion;
  primarySdg: number | null;
  startDate: string;
  endDate: string;
  recognisedThisYear: boolean;
  completedThisYear: boolean;
  lastStatus: OverallStatus | null;
  outcomes: number;
  outcomesAchieved: number;
}

export interface AnnualReport {
  year: number;
  recognised: number;
  active: number;
  completed: number;
  bySdg: { goal: number; count: number }[];
  byRegion: { region: WorldRegion; count: number }[];
  outcomesAchieved: number;
  outcomesTotal: number;
  hubs: AnnualReportHub[];
}

/**
 * The year in figures, from public data only (recognised or completed HUBs, accepted updates):
 * HUBs recognised, active and completed that year, by SDG and region, outcomes achieved by its end.
 */
export async function annualReport(db: Kysely<Database>, { year, language, today }: { year: number; language: Language; today: string }): Promise<AnnualReport> {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const lastDay = today < yearEnd ? today : yearEnd;
  const nextYear = new Date(Date.UTC(year + 1, 0, 1));
  const firstOfYear = new Date(Date.UTC(year, 0, 1));
  const hubs = await joinHubTexts(db.selectFrom("hubs as h").innerJoin("organisations as o", "o.id", "h.lead_organisation_id"), language)
    .leftJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
    .select([
      "h.id",
      "h.slug",
      "h.start_date",
      "h.end_date",
      "h.recognised_at",
      "h.completed_at",
      "o.city",
      "o.country_code",
      "o.region",
      "g.goal",
      hubText("title").as("title"),
      hubText("summary").as("summary"),
      hubTextLanguage(language).as("title_language"),
    ])
    .where(isPublicHubSql())
    .where((eb) =>
      eb.or([
        // Running at some point of the year (up to today for the current year) …
        eb.and([eb("h.start_date", "<=", lastDay), eb("h.end_date", ">=", yearStart)]),
        // … or recognised or completed during it.
        eb.and([eb("h.recognised_at", ">=", firstOfYear), eb("h.recognised_at", "<", nextYear)]),
        eb.and([eb("h.completed_at", ">=", firstOfYear), eb("h.completed_at", "<", nextYear)]),
      ]),
    )
    .orderBy("o.region")
    .orderBy("o.city")
    .execute();
  const ids = hubs.map((hub) => hub.id);
  const [outcomes, values, statuses] = ids.length
    ? await Promise.all([
        db.selectFrom("hub_outcomes").select(["id", "hub_id", "baseline", "target_value", "milestone"]).where("hub_id", "in", ids).execute(),
        db
          .selectFrom("progress_update_outcomes as o")
          .innerJoin("progress_updates as u", "u.id", "o.update_id")
          .select(["o.outcome_id", "o.value", "o.milestone_reached"])
          .where("u.status", "=", "accepted")
          .where("u.hub_id", "in", ids)
          .where("u.period_start", "<=", yearEnd)
          .orderBy("u.period_end")
          .orderBy("u.id")
          .execute(),
        db
          .selectFrom("progress_updates as u")
          .select(["u.hub_id", "u.overall_status"])
          .where("u.status", "=", "accepted")
          .where("u.hub_id", "in", ids)
          .where("u.period_start", "<=", yearEnd)
          .orderBy("u.period_end")
          .orderBy("u.id")
          .execute(),
      ])
    : [[], [], []];
  const latest = new Map<number, { value: number | null; milestoneReached: boolean | null }>();
  for (const row of values) latest.set(row.outcome_id, { value: row.value, milestoneReached: row.milestone_reached });
  const lastStatus = new Map<number, OverallStatus | null>();
  for (const row of statuses) lastStatus.set(row.hub_id, row.overall_status);

  const inYear = (date: Date | null) => date !== null && new Date(date) >= firstOfYear && new Date(date) < nextYear;
  const entries: AnnualReportHub[] = hubs.map((hub) => {
    const own = outcomes.filter((outcome) => outcome.hub_id === hub.id);
    const achieved = own.filter(
      (outcome) => outcomeFraction({ baseline: outcome.baseline, targetValue: outcome.target_value, milestone: outcome.milestone }, latest.get(outcome.id)) === 1,
    ).length;
    return {
      id: hub.id,
      slug: hub.slug,
      title: hub.title,
      titleLanguage: hub.title_language,
      summary: hub.summary,
      city: hub.city,
      countryCode: hub.country_code.trim(),
      region: hub.region,
      primarySdg: hub.goal ?? null,
      startDate: hub.start_date,
      endDate: hub.end_date,
      recognisedThisYear: inYear(hub.recognised_at),
      completedThisYear: inYear(hub.completed_at),
      lastStatus: lastStatus.get(hub.id) ?? null,
      outcomes: own.length,
      outcomesAchieved: achieved,
    };
  });
  const active = entries.filter((hub) => hub.startDate <= lastDay && hub.endDate >= yearStart);
  const tally = <K>(keys: K[]) => {
    const map = new Map<K, number>();
    for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
    return [...map];
  };
  return {
    year,
    recognised: entries.filter((hub) => hub.recognisedThisYear).length,
    active: active.length,
    completed: entries.filter((hub) => hub.completedThisYear).length,
    bySdg: tally(entries.flatMap((hub) => (hub.primarySdg ? [hub.primarySdg] : [])))
      .map(([goal, count]) => ({ goal, count }))
      .sort((a, b) => a.goal - b.goal),
    byRegion: tally(entries.map((hub) => hub.region))
      .map(([region, count]) => ({ region, count }))
      .sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)),
    outcomesAchieved: entries.reduce((sum, hub) => sum + hub.outcomesAchieved, 0),
    outcomesTotal: entries.reduce((sum, hub) => sum + hub.outcomes, 0),
    hubs: entries,
  };
}
