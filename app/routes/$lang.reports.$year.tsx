import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isoToday } from "~/modules/hubs/lifecycle";
import { countryName, formatDate, formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { BarChart } from "~/modules/progress/charts";
import { annualReport } from "~/modules/progress/report.server";
import { languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

import { listGatheringPresentations } from "~/modules/network/events.server";
import { GatheringPresentations } from "~/modules/network/gathering-presentations";

export const handle = { i18n: ["common", "monitoring", "hubs", "network"] };

/** Public: the annual report only uses public data (recognised/completed HUBs and accepted updates). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const year = Number(params.year);
  const today = isoToday();
  if (!/^\d{4}$/.test(params.year ?? "") || year < 2020 || year > Number(today.slice(0, 4))) notFound();
  const [report, goals, t, presentations] = await Promise.all([
    annualReport(context.db, { year, language, today }),
    listSdgGoals(context.db, language),
    getTranslator(language),
    // The HUBs presented at the year's gatherings (the network module).
    listGatheringPresentations(context.db, year, language),
  ]);
  return json({
    language,
    report,
    presentations,
    goals: goals.map((goal) => ({ number: goal.number, short: goal.short, color: goal.color })),
    title: t("monitoring:report.title", { year }),
    description: t("monitoring:report.lead", { year }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }] : [];

export default function AnnualReportPage() {
  const { language, report, goals, presentations } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["monitoring", "common", "hubs"]);
  const goalByNumber = new Map(goals.map((goal) => [goal.number, goal]));
  const number = (value: number) => formatNumber(value, language);
  return (
    <article className="container annual-report">
      <header>
        <h1>{t("report.title", { year: report.year })}</h1>
        <p className="lead">{t("report.lead", { year: report.year })}</p>
        <nav aria-label={t("report.otherYears")} className="no-print">
          <ul className="inline-list">
            <li>
              <Link to={`/${language}/reports/${report.year - 1}`} rel="prev">
                {t("report.previous", { year: report.year - 1 })}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <section aria-labelledby="report-figures">
        <h2 id="report-figures">{t("report.figures")}</h2>
        <dl className="figures">
          <div>
            <dt>{t("report.recognised")}</dt>
            <dd>{number(report.recognised)}</dd>
          </div>
          <div>
            <dt>{t("report.active")}</dt>
            <dd>{number(report.active)}</dd>
          </div>
          <div>
            <dt>{t("report.completed")}</dt>
            <dd>{number(report.completed)}</dd>
          </div>
          <div>
            <dt>{t("council.outcomesAchieved")}</dt>
            <dd>{t("council.outOf", { count: report.outcomesAchieved, total: report.outcomesTotal })}</dd>
          </div>
        </dl>
        <div className="chart-grid">
          <BarChart
            title={t("council.chartSdg")}
            description={t("report.chartSdgDescription", { year: report.year })}
            valueHeader={t("council.hubCount")}
            language={language}
            data={report.bySdg.map((entry) => ({
              label: `${t("common:sdg.code", { number: entry.goal })} ${goalByNumber.get(entry.goal)?.short ?? ""}`,
              value: entry.count,
              color: goalByNumber.get(entry.goal)?.color,
            }))}
          />
          <BarChart
            title={t("council.chartRegion")}
            description={t("report.chartRegionDescription", { year: report.year })}
            valueHeader={t("council.hubCount")}
            language={language}
            data={report.byRegion.map((entry) => ({ label: t(`regions.${entry.region}`), value: entry.count }))}
          />
        </div>
      </section>
      <section aria-labelledby="report-hubs">
        <h2 id="report-hubs">{t("report.hubs")}</h2>
        {report.hubs.length === 0 ? <p className="empty">{t("report.noHubs")}</p> : null}
        {report.hubs.map((hub) => (
          <section key={hub.id} className="report-entry" aria-labelledby={`report-hub-${hub.id}`}>
            <h3 id={`report-hub-${hub.id}`} lang={hub.titleLanguage}>
              <a href={`/${language}/hubs/${hub.slug}`}>{hub.title}</a>
            </h3>
            <p className="report-entry__meta">
              {hub.city}, {countryName(hub.countryCode, language)} · {t(`regions.${hub.region}`)}
              {hub.primarySdg ? ` · ${t("common:sdg.code", { number: hub.primarySdg })} ${goalByNumber.get(hub.primarySdg)?.short ?? ""}` : ""} ·{" "}
              {t("hubs:list.timeline", { start: formatDate(hub.startDate, language), end: formatDate(hub.endDate, language) })}
            </p>
            <p lang={hub.titleLanguage}>{hub.summary}</p>
            <p className="report-entry__facts">
              {hub.recognisedThisYear ? <span className="tag">{t("report.tagRecognised")}</span> : null}
              {hub.completedThisYear ? <span className="tag">{t("report.tagCompleted")}</span> : null}
              {hub.lastStatus ? <span>{t("report.lastStatus", { status: t(`overall.${hub.lastStatus}`) })}</span> : <span>{t("report.noUpdate")}</span>}
              {" · "}
              <span>{t("report.outcomes", { count: hub.outcomesAchieved, total: hub.outcomes })}</span>
            </p>
          </section>
        ))}
      </section>
      <GatheringPresentations presentations={presentations} language={language} />
    </article>
  );
}
