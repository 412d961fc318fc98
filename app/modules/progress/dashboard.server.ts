import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database, Language, WorldRegion } from "../../../db/schema";
import { dueState } from "./calendar";
import type { DashboardFilters, DashboardRow } from "./dashboard";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { PUBLIC_HUB_STATUSES, type PublicHubStatus } from "~/modules/hubs/lifecycle";
import { isPublicHubSql, publicStatusSql } from "~/modules/hubs/lifecycle.server";
import { idArray } from "~/modules/hubs/hub-search.server";
import { cachedPublic } from "~/modules/hubs/public-cache.server";
import { ensureReportingState } from "./reporting-state.server";

/** Rows per page of the dashboard table. */
export const DASHBOARD_PAGE_SIZE = 50;

/**
 * How many of the HUB's periods not filed yet were due before `today` (the stored list, judged now).
 * The list is sorted, so width_bucket's binary search counts the dates up to the day before.
 */
function overdueCountSql(today: string) {
  return sql<number>`width_bucket(${today}::date - 1, s.pending_due_dates)`;
}

/** Lower-cased, accents removed: the dashboard's search and its sort by city (like `fold` in dashboard.ts). */
function foldSql(text: RawBuilder<string> | ReturnType<typeof sql.ref>) {
  return sql<string>`lower(unaccent(${text})) collate "C"`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The dashboard's HUBs (recognised by default, i.e. active or about to start), filtered and sorted in
 * the database from the stored reporting state (reporting-state.server.ts): the calendar is not run
 * per request. Empty values sort last whatever the direction; ties by HUB id.
 */
function dashboardQuery(
  db: Kysely<Database>,
  { today, language, filters, statuses }: { today: string; language: Language; filters: DashboardFilters; statuses: ("recognised" | "completed")[] },
) {
  let query = db
    .selectFrom("hubs as h")
    .innerJoin("hub_reporting_state as s", "s.hub_id", "h.id")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .leftJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
    .where("h.status", "in", statuses);
  if (filters.region) query = query.where("o.region", "=", filters.region);
  if (filters.sdg) query = query.where("g.goal", "=", filters.sdg);
  if (filters.lastStatus === "none") query = query.where("s.last_overall_status", "is", null);
  else if (filters.lastStatus) query = query.where("s.last_overall_status", "=", filters.lastStatus);
  if (filters.overdue) query = query.where("s.next_due_date", "<", today);
  if (filters.q) {
    const haystack = sql<string>`${hubTitleSql(language)} || ' ' || o.city || ' ' || o.country_code`;
    query = query.where(sql<boolean>`${foldSql(haystack)} like '%' || ${foldSql(sql`${escapeLike(filters.q)}`)} || '%'`);
  }
  const sortValue = {
    city: foldSql(sql.ref("o.city")),
    country: sql`o.country_code`,
    region: sql`o.region collate "C"`,
    sdg: sql`g.goal`,
    lastStatus: sql`s.last_overall_status collate "C"`,
    lastDate: sql`s.last_filed_on`,
    nextDue: sql`s.next_due_date`,
    overdue: overdueCountSql(today),
    progress: sql`s.progress`,
  }[filters.sort];
  const direction = filters.dir === "desc" ? sql`desc` : sql`asc`;
  return query.orderBy(sql`${sortValue} ${direction} nulls last`).orderBy("h.id");
}

/**
 * One page of the dashboard table (all matching rows when `page` is undefined, for the CSV export),
 * with how many HUBs match the filters and how many there are.
 */
export async function listDashboardRows(
  db: Kysely<Database>,
  {
    today,
    language,
    filters = { sort: "nextDue", dir: "asc" },
    page,
    statuses = ["recognised"],
  }: { today: string; language: Language; filters?: DashboardFilters; page?: number; statuses?: ("recognised" | "completed")[] },
): Promise<{ rows: DashboardRow[]; matching: number; total: number }> {
  await ensureReportingState(db);
  let rowsQuery = dashboardQuery(db, { today, language, filters, statuses }).select([
    "h.id",
    "h.slug",
    "o.city",
    "o.country_code",
    "o.region",
    "g.goal",
    "s.next_kind",
    "s.next_due_date",
    "s.last_overall_status",
    "s.last_filed_on",
    "s.progress",
    "s.outcomes",
    "s.outcomes_achieved",
    publicStatusSql(today).as("public_status"),
    overdueCountSql(today).as("overdue_count"),
  ]);
  if (page !== undefined) rowsQuery = rowsQuery.limit(DASHBOARD_PAGE_SIZE).offset((Math.max(1, page) - 1) * DASHBOARD_PAGE_SIZE);
  // Without a filter every HUB matches (each has its row once ensured): no second count of the joins.
  const filtered = Boolean(filters.region || filters.sdg || filters.lastStatus || filters.overdue || filters.q);
  const [rows, matching, total] = await Promise.all([
    rowsQuery.execute(),
    filtered
      ? dashboardQuery(db, { today, language, filters, statuses })
          .clearOrderBy()
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .executeTakeFirstOrThrow()
      : undefined,
    db.selectFrom("hubs").select((eb) => eb.fn.countAll<number>().as("count")).where("status", "in", statuses).executeTakeFirstOrThrow(),
  ]);
  // The titles of the page's HUBs only: in the query above, PostgreSQL would look them up for every
  // row an offset skips too.
  const titles = new Map(
    rows.length
      ? (
          await db
            .selectFrom("hubs as h")
            .select(["h.id", hubTitleSql(language).as("title")])
            .where(sql<boolean>`h.id = any(${idArray(rows.map((row) => row.id))})`)
            .execute()
        ).map((row) => [row.id, row.title])
      : [],
  );
  return {
    matching: Number((matching ?? total).count),
    total: Number(total.count),
    rows: rows.map((row) => ({
      hubId: row.id,
      slug: row.slug,
      title: titles.get(row.id) ?? "",
      status: row.public_status,
      city: row.city,
      countryCode: row.country_code.trim(),
      region: row.region as WorldRegion,
      primarySdg: row.goal ?? null,
      lastStatus: row.last_overall_status,
      lastDate: row.last_filed_on,
      nextDue: row.next_due_date,
      nextKind: row.next_kind,
      dueState: row.next_due_date ? dueState(row.next_due_date, today) : null,
      overdue: row.overdue_count > 0,
      overdueCount: row.overdue_count,
      progress: row.progress,
      outcomes: row.outcomes,
      outcomesAchieved: row.outcomes_achieved,
    })),
  };
}

export interface DashboardFigures {
  byStatus: Record<PublicHubStatus, number>;
  bySdg: { goal: number; count: number }[];
  byRegion: { region: WorldRegion; count: number }[];
  overdueReports: number;
  overdueHubs: number;
  outcomesAchieved: number;
  outcomesTotal: number;
}

/**
 * The dashboard's figures: statuses over every public HUB, the rest over the recognised ones (the
 * table's). Four scans of every recognised HUB, the same for every page, sort and filter of the
 * table: computed once per public data version and day (the stored reporting state bumps that
 * version too, migration 240).
 */
export function dashboardFigures(db: Kysely<Database>, today: string): Promise<DashboardFigures> {
  return cachedPublic(db, `dashboard-figures:${today}`, () => computeDashboardFigures(db, today));
}

/** The figures computed now, from the tables (`dashboardFigures` keeps them; tests compare the two). */
export async function computeDashboardFigures(db: Kysely<Database>, today: string): Promise<DashboardFigures> {
  await ensureReportingState(db);
  const recognised = () => db.selectFrom("hubs as h").where("h.status", "=", "recognised");
  const [statusRows, sdgRows, regionRows, reporting] = await Promise.all([
    db
      .selectFrom("hubs as h")
      .select([publicStatusSql(today).as("state"), (eb) => eb.fn.countAll<number>().as("count")])
      .where(isPublicHubSql())
      .groupBy(sql`1`)
      .execute(),
    recognised()
      .innerJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
      .select(["g.goal", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("g.goal")
      .orderBy("g.goal")
      .execute(),
    recognised()
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .select(["o.region", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("o.region")
      .execute(),
    recognised()
      .innerJoin("hub_reporting_state as s", "s.hub_id", "h.id")
      .select([
        sql<number>`coalesce(sum(${overdueCountSql(today)}), 0)`.as("overdue_reports"),
        sql<number>`count(*) filter (where s.next_due_date < ${today}::date)`.as("overdue_hubs"),
        sql<number>`coalesce(sum(s.outcomes_achieved), 0)`.as("outcomes_achieved"),
        sql<number>`coalesce(sum(s.outcomes), 0)`.as("outcomes_total"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const byStatus = Object.fromEntries(PUBLIC_HUB_STATUSES.map((status) => [status, 0])) as Record<PublicHubStatus, number>;
  for (const row of statusRows) byStatus[row.state] = Number(row.count);
  return {
    byStatus,
    bySdg: sdgRows.map((row) => ({ goal: row.goal, count: Number(row.count) })),
    byRegion: regionRows
      .map((row) => ({ region: row.region as WorldRegion, count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || a.region.localeCompare(b.region)),
    overdueReports: Number(reporting.overdue_reports),
    overdueHubs: Number(reporting.overdue_hubs),
    outcomesAchieved: Number(reporting.outcomes_achieved),
    outcomesTotal: Number(reporting.outcomes_total),
  };
}

/** What waits for the council: submitted proposals and submitted progress updates, oldest first. */
export async function reviewQueue(db: Kysely<Database>, language: Language) {
  const [proposals, updates] = await Promise.all([
    db
      .selectFrom("hubs as h")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .select(["h.id", "h.slug", "o.city", "h.submitted_at", hubTitleSql(language).as("title")])
      .where("h.status", "=", "submitted")
      .orderBy("h.submitted_at")
      .execute(),
    db
      .selectFrom("progress_updates as u")
      .innerJoin("hubs as h", "h.id", "u.hub_id")
      .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
      .select(["u.id", "u.kind", "u.due_date", "u.submitted_at", "o.city", hubTitleSql(language).as("title")])
      .where("u.status", "=", "submitted")
      .orderBy("u.submitted_at")
      .execute(),
  ]);
  return { proposals, updates };
}
