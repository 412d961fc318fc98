import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { periodKey } from "~/modules/progress/calendar";
import { latestOutcomeProgress } from "~/modules/progress/published-progress.server";
import { listCityUpdates, listOwnHubTitles } from "~/modules/progress/progress.server";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { OutcomeProgressChart } from "~/modules/progress/charts";
import { languageParam } from "~/modules/http/params.server";
import { ownOrganisationId } from "~/modules/permissions/permissions";

export const handle = { i18n: ["common", "monitoring", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "progress:submit");
  const today = isoToday();
  const organisationId = ownOrganisationId(user) ?? -1;
  const [calendars, updates, titles, t] = await Promise.all([
    listHubCalendars(context.db, { today, organisationId }),
    listCityUpdates(context.db, user, language),
    listOwnHubTitles(context.db, user, language),
    getTranslator(language),
  ]);
  const titleById = new Map(titles.map((row) => [row.id, row.title]));
  // A city leads a handful of HUBs: one chart query each is fine here (the dashboard never loops).
  const charts = new Map(await Promise.all(calendars.map(async (hub) => [hub.hubId, await latestOutcomeProgress(context.db, hub.hubId)] as const)));
  const existing = new Set(updates.map((update) => `${update.hub_id}:${update.kind}:${update.due_date}`));
  return json({
    language,
    title: t("monitoring:city.title"),
    hubs: calendars.map((hub) => ({
      id: hub.hubId,
      title: titleById.get(hub.hubId) ?? hub.slug,
      next: hub.calendar.next,
      overdue: hub.calendar.overdue.length,
      chart: charts.get(hub.hubId) ?? [],
      open: hub.calendar.open
        .filter((period) => !existing.has(`${hub.hubId}:${period.kind}:${period.dueDate}`))
        .map((period) => ({ key: periodKey(period), kind: period.kind, start: period.start, end: period.end, dueDate: period.dueDate })),
    })),
    updates,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function CityProgressPage() {
  const { language, hubs, updates } = useLoaderData<typeof loader>();
  const { t } = useTranslation("monitoring");
  return (
    <div className="container">
      <h1>{t("city.title")}</h1>
      <p className="lead">{t("city.lead")}</p>
      {hubs.length === 0 ? <p className="empty">{t("city.noHubs")}</p> : null}
      {hubs.map((hub) => (
        <section key={hub.id} className="panel" aria-labelledby={`hub-${hub.id}`}>
          <h2 id={`hub-${hub.id}`}>{hub.title}</h2>
          {hub.next ? (
            <p>
              {t(hub.next.kind === "final" ? "city.nextFinal" : "city.nextProgress", { date: formatDate(hub.next.dueDate, language, "long") })}{" "}
              <span className={`due due--${hub.next.state}`}>{t(`due.${hub.next.state}`)}</span>
            </p>
          ) : (
            <p>{t("city.allFiled")}</p>
          )}
          {hub.overdue > 0 ? <p className="due due--overdue">{t("city.overdueCount", { count: hub.overdue })}</p> : null}
          {hub.open.length > 0 ? (
            <ul className="link-list">
              {hub.open.map((period) => (
                <li key={period.key}>
                  <Link to={`/${language}/progress/${hub.id}/new?${new URLSearchParams({ period: period.key })}`}>
                    {t(period.kind === "final" ? "city.writeFinal" : "city.writeProgress", {
                      start: formatDate(period.start, language),
                      end: formatDate(period.end, language),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <OutcomeProgressChart outcomes={hub.chart} language={language} />
        </section>
      ))}
      <h2>{t("city.updatesTitle")}</h2>
      {updates.length === 0 ? (
        <p className="empty">{t("city.noUpdates")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("table.hub")}</th>
              <th scope="col">{t("table.period")}</th>
              <th scope="col">{t("table.reviewStatus")}</th>
              <th scope="col">{t("table.overall")}</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((update) => (
              <tr key={update.id}>
                <th scope="row">
                  <Link to={`/${language}/progress/updates/${update.id}`}>{update.hub_title}</Link>
                </th>
                <td>
                  {t(update.kind === "final" ? "period.final" : "period.progress", {
                    start: formatDate(update.period_start, language),
                    end: formatDate(update.period_end, language),
                  })}
                </td>
                <td>{t(`status.${update.status}`)}</td>
                <td>{update.overall_status ? t(`overall.${update.overall_status}`) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
