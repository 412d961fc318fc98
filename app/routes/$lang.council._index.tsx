import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { countryName, formatDate, formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { BarChart } from "~/modules/progress/charts";
import { filtersToParams, parseDashboardFilters, WORLD_REGIONS, type DashboardFilters, type SortKey } from "~/modules/progress/dashboard";
import { DASHBOARD_PAGE_SIZE, dashboardFigures, listDashboardRows, reviewQueue } from "~/modules/progress/dashboard.server";
import { languageParam } from "~/modules/http/params.server";
import { can } from "~/modules/permissions/permissions";
import { accelerationByHub } from "~/modules/network/acceleration.server";

export const handle = { i18n: ["common", "monitoring", "hubs", "validation", "network"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "dashboard:read");
  const today = isoToday();
  const filters = parseDashboardFilters(new URL(request.url).searchParams);
  const page = filters.page ?? 1;
  const [table, figures, queue, goals, t] = await Promise.all([
    listDashboardRows(context.db, { today, language, filters, page }),
    dashboardFigures(context.db, today),
    reviewQueue(context.db, language),
    listSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  // Acceleration (issue 16) of this page's HUBs only, so the dashboard stays one page of work.
  const acceleration = await accelerationByHub(context.db, table.rows.map((row) => row.hubId), today);
  return json({
    language,
    canSetCadence: can(user, "progress:cadence"),
    filters,
    rows: table.rows.map((row) => ({ ...row, acceleration: acceleration.get(row.hubId) ?? null })),
    matching: table.matching,
    total: table.total,
    page,
    pageCount: Math.max(1, Math.ceil(table.matching / DASHBOARD_PAGE_SIZE)),
    figures,
    queue,
    goals: goals.map((goal) => ({ number: goal.number, short: goal.short, color: goal.color })),
    title: t("monitoring:council.title"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

const COLUMNS: SortKey[] = ["city", "country", "region", "sdg", "lastStatus", "lastDate", "nextDue", "overdue", "progress"];

export default function CouncilDashboard() {
  const { language, canSetCadence, filters, rows, matching, total, page, pageCount, figures, queue, goals } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["monitoring", "hubs", "common", "network"]);
  const goalName = new Map(goals.map((goal) => [goal.number, goal.short]));
  const percent = (value: number | null) => (value === null ? "–" : formatNumber(value, language, { style: "percent", maximumFractionDigits: 0 }));
  const sortLink = (key: SortKey) => {
    const dir = filters.sort === key && filters.dir === "asc" ? "desc" : "asc";
    return `?${filtersToParams(filters as DashboardFilters, { sort: key, dir, page: undefined })}`;
  };
  return (
    <div className="container dashboard">
      <h1>{t("council.title")}</h1>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("council.figures")}</h2>
        <dl className="figures">
          <div>
            <dt>{t("hubs:status.active")}</dt>
            <dd>{formatNumber(figures.byStatus.active, language)}</dd>
          </div>
          <div>
            <dt>{t("hubs:status.recognised")}</dt>
            <dd>{formatNumber(figures.byStatus.recognised, language)}</dd>
          </div>
          <div>
            <dt>{t("hubs:status.ended")}</dt>
            <dd>{formatNumber(figures.byStatus.ended, language)}</dd>
          </div>
          <div>
            <dt>{t("hubs:status.completed")}</dt>
            <dd>{formatNumber(figures.byStatus.completed, language)}</dd>
          </div>
          <div>
            <dt>{t("council.overdueReports")}</dt>
            <dd>{formatNumber(figures.overdueReports, language)}</dd>
          </div>
          <div>
            <dt>{t("council.outcomesAchieved")}</dt>
            <dd>{t("council.outOf", { count: figures.outcomesAchieved, total: figures.outcomesTotal })}</dd>
          </div>
        </dl>
        <div className="chart-grid">
          <BarChart
            title={t("council.chartSdg")}
            description={t("council.chartSdgDescription")}
            valueHeader={t("council.hubCount")}
            language={language}
            data={figures.bySdg.map((entry) => ({
              label: `${t("common:sdg.code", { number: entry.goal })} ${goalName.get(entry.goal) ?? ""}`,
              value: entry.count,
              color: goals.find((goal) => goal.number === entry.goal)?.color,
            }))}
          />
          <BarChart
            title={t("council.chartRegion")}
            description={t("council.chartRegionDescription")}
            valueHeader={t("council.hubCount")}
            language={language}
            data={figures.byRegion.map((entry) => ({ label: t(`regions.${entry.region}`), value: entry.count }))}
          />
        </div>
      </section>

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t("council.queue")}</h2>
        {queue.updates.length === 0 && queue.proposals.length === 0 ? <p className="empty">{t("council.queueEmpty")}</p> : null}
        {queue.updates.length > 0 ? (
          <>
            <h3>{t("council.queueUpdates", { count: queue.updates.length })}</h3>
            <ul className="link-list">
              {queue.updates.map((update) => (
                <li key={update.id}>
                  <Link to={`/${language}/progress/updates/${update.id}`}>
                    {update.title} ({update.city}) · {t(update.kind === "final" ? "council.finalReport" : "council.progressReport")}
                  </Link>
                  {update.submitted_at ? ` · ${t("council.submittedOn", { date: formatDate(new Date(update.submitted_at).toISOString(), language) })}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {queue.proposals.length > 0 ? (
          <>
            <h3>{t("council.queueProposals", { count: queue.proposals.length })}</h3>
            <ul className="link-list">
              {queue.proposals.map((proposal) => (
                <li key={proposal.id}>
                  <a href={`/${language}/review/${proposal.id}`}>{proposal.title}</a> ({proposal.city})
                  {proposal.submitted_at ? ` · ${t("council.submittedOn", { date: formatDate(new Date(proposal.submitted_at).toISOString(), language) })}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="table-title">
        <h2 id="table-title">{t("council.tableTitle")}</h2>
        <Form method="get" className="dashboard-filters" aria-label={t("council.filters")}>
          <div className="field">
            <label htmlFor="filter-q">{t("council.search")}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-region">{t("table.region")}</label>
            <select id="filter-region" name="region" defaultValue={filters.region ?? ""}>
              <option value="">{t("council.all")}</option>
              {WORLD_REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t(`regions.${region}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sdg">{t("table.sdg")}</label>
            <select id="filter-sdg" name="sdg" defaultValue={filters.sdg ? String(filters.sdg) : ""}>
              <option value="">{t("council.all")}</option>
              {goals.map((goal) => (
                <option key={goal.number} value={goal.number}>
                  {t("common:sdg.code", { number: goal.number })} {goal.short}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-status">{t("table.lastStatus")}</label>
            <select id="filter-status" name="lastStatus" defaultValue={filters.lastStatus ?? ""}>
              <option value="">{t("council.all")}</option>
              {(["on_track", "at_risk", "off_track", "achieved"] as const).map((status) => (
                <option key={status} value={status}>
                  {t(`overall.${status}`)}
                </option>
              ))}
              <option value="none">{t("council.noUpdateYet")}</option>
            </select>
          </div>
          <div className="field field--checkbox">
            <input id="filter-overdue" name="overdue" type="checkbox" value="1" defaultChecked={filters.overdue ?? false} />
            <label htmlFor="filter-overdue">{t("council.onlyOverdue")}</label>
          </div>
          <input type="hidden" name="sort" value={filters.sort} />
          <input type="hidden" name="dir" value={filters.dir} />
          <div className="actions">
            <button type="submit" className="button">
              {t("council.apply")}
            </button>
            <Link to={`/${language}/council`}>{t("council.reset")}</Link>
            <a href={`/${language}/council/export?${filtersToParams(filters as DashboardFilters, { page: undefined })}`} download>
              {t("council.export")}
            </a>
          </div>
        </Form>
        <p role="status">{t("council.showing", { count: matching, total })}</p>
        <div className="table-scroll">
          <table className="data-table dashboard-table">
            <caption className="visually-hidden">{t("council.tableTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.hub")}</th>
                {COLUMNS.map((key) => (
                  <th key={key} scope="col" aria-sort={filters.sort === key ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link to={sortLink(key)}>
                      {t(`table.${key}`)}
                      {filters.sort === key ? <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                    </Link>
                  </th>
                ))}
                <th scope="col">{t("network:impact.acceleration")}</th>
                {canSetCadence ? <th scope="col">{t("table.cadence")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.hubId} className={row.overdue ? "is-overdue" : undefined}>
                  <th scope="row">
                    <a href={`/${language}/hubs/${row.slug}`}>{row.title}</a>{" "}
                    <span className={`status status--${row.status}`}>{t(`hubs:status.${row.status}`)}</span>
                  </th>
                  <td>{row.city}</td>
                  <td>{countryName(row.countryCode, language)}</td>
                  <td>{t(`regions.${row.region}`)}</td>
                  <td>{row.primarySdg ? t("common:sdg.code", { number: row.primarySdg }) : "–"}</td>
                  <td>{row.lastStatus ? t(`overall.${row.lastStatus}`) : t("council.noUpdateYet")}</td>
                  <td>{row.lastDate ? formatDate(row.lastDate, language) : "–"}</td>
                  <td>
                    {row.nextDue ? formatDate(row.nextDue, language) : "–"}
                    {row.nextKind === "final" ? ` (${t("council.final")})` : ""}
                    {row.dueState && row.dueState !== "upcoming" && row.dueState !== "overdue" ? (
                      <span className={`due due--${row.dueState}`}> {t(`due.${row.dueState}`)}</span>
                    ) : null}
                  </td>
                  <td>{row.overdue ? <strong className="due due--overdue">{t("council.overdueFlag", { count: row.overdueCount })}</strong> : t("council.notOverdue")}</td>
                  <td>
                    <span className="progress-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((row.progress ?? 0) * 100)}%` }} />
                    </span>{" "}
                    {percent(row.progress)}
                  </td>
                  <td>
                    {row.acceleration ? <span className={`pace pace--${row.acceleration.overall}`}>{t(`network:impact.paces.${row.acceleration.overall}`)}</span> : "–"}
                    {row.acceleration && row.acceleration.overall !== "not_measured" ? (
                      <>
                        <br />
                        {t("network:impact.paceCounts", { ahead: row.acceleration.counts.ahead, onTrack: row.acceleration.counts.on_track, behind: row.acceleration.counts.behind })}
                      </>
                    ) : null}
                  </td>
                  {canSetCadence ? (
                    <td>
                      <Link to={`/${language}/council/hubs/${row.hubId}/cadence`} aria-label={t("cadence.linkLabel", { hub: row.title })}>
                        {t("cadence.link")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pageCount > 1 ? (
          <nav className="pagination" aria-label={t("council.pages.label")}>
            {page > 1 ? (
              <Link to={`?${filtersToParams(filters as DashboardFilters, { page: page - 1 })}`} rel="prev">
                {t("council.pages.previous")}
              </Link>
            ) : null}
            <span>{t("council.pages.status", { page: formatNumber(page, language), pages: formatNumber(pageCount, language) })}</span>
            {page < pageCount ? (
              <Link to={`?${filtersToParams(filters as DashboardFilters, { page: page + 1 })}`} rel="next">
                {t("council.pages.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
