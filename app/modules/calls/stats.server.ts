import type { DB } from "../../../db/index";
import type { HubStatus, Language, WorldRegion } from "../../../db/schema";
import { themeNameColumn } from "~/modules/hubs/themes.server";
import { toCsvDocument } from "~/modules/opendata/csv.server";

/**
 * Call statistics for the secretariat and the council: the proposals answering one call (or every
 * call) by status, world region, main SDG and theme, and the days from submission to decision (the
 * first "submit" to the "recognise" or "decline" in the audit log, the workflow's own record).
 */
export async function callStatistics(db: DB, language: Language, callId: number | null) {
  const hubs = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .leftJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
    .leftJoin("themes as th", "th.id", "h.theme_id")
    .select(["h.id", "h.status", "o.region", "g.goal", "th.id as theme_id", themeNameColumn(language).as("theme")])
    .where("h.call_id", "is not", null)
    .$if(callId !== null, (qb) => qb.where("h.call_id", "=", callId!))
    .execute();
  const hubIds = hubs.map((hub) => hub.id);
  const events = hubIds.length
    ? await db
        .selectFrom("audit_log")
        .select(["hub_id", "action", "at"])
        .where("entity", "=", "hub")
        .where("action", "in", ["submit", "recognise", "decline"])
        .where("hub_id", "in", hubIds)
        .orderBy("at")
        .execute()
    : [];
  const count = <K extends string | number>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].map(([key, value]) => ({ key, count: value })).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  };
  const days: number[] = [];
  for (const hubId of hubIds) {
    const own = events.filter((event) => event.hub_id === hubId);
    const submitted = own.find((event) => event.action === "submit");
    const decided = own.find((event) => event.action !== "submit" && submitted && event.at >= submitted.at);
    if (submitted && decided) days.push((new Date(decided.at).getTime() - new Date(submitted.at).getTime()) / 86_400_000);
  }
  days.sort((a, b) => a - b);
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2) : null;
  return {
    total: hubs.length,
    byStatus: count(hubs.map((hub) => hub.status as HubStatus)),
    byRegion: count(hubs.map((hub) => hub.region as WorldRegion)),
    bySdg: count(hubs.flatMap((hub) => (hub.goal === null ? [] : [hub.goal]))),
    byTheme: count(hubs.map((hub) => hub.theme ?? "")),
    decisionDays: { decided: days.length, median: median === null ? null : Math.round(median * 10) / 10 },
  };
}

export type CallStatistics = Awaited<ReturnType<typeof callStatistics>>;

/** The statistics as CSV (the one CSV writer): one row per dimension and value. Labels come translated from the page. */
export function statisticsCsv(stats: CallStatistics, label: (dimension: string, key: string | number) => string): string {
  const rows: (string | number | null)[][] = [];
  for (const [dimension, entries] of [
    ["status", stats.byStatus],
    ["region", stats.byRegion],
    ["sdg", stats.bySdg],
    ["theme", stats.byTheme],
  ] as const) {
    for (const entry of entries) rows.push([dimension, String(entry.key), label(dimension, entry.key), entry.count]);
  }
  rows.push(["decision_days", "median", "", stats.decisionDays.median]);
  rows.push(["decision_days", "decided", "", stats.decisionDays.decided]);
  return toCsvDocument(["dimension", "key", "label", "count"], rows);
}
