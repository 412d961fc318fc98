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
import type { Language } from "~/modules/i18n/config";
import type { Pace } from "~/modules/network/impact";
import type { NetworkSynchronisation } from "~/modules/network/acceleration.server";

import { listGatheringPresentations } from "~/modules/network/events.server";
import { GatheringPresentations } from "~/modules/network/gathering-presentations";
import { accelerationByHub, networkSynchronisation, sumPaces } from "~/modules/network/acceleration.server";

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
  // Impact in terms of acceleration and synchronisation (issue 16), for the year's HUBs: paces as of
  // the year's end (or today), from the reports whose period had ended by then.
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const hubIds = report.hubs.map((hub) => hub.id);
  const [acceleration, synchronisation] = await Promise.all([accelerationByHub(context.db, hubIds, asOf, { reportedBy: asOf }), networkSynchronisation(context.db, { hubIds, year })]);
  return json({
    language,
    report,
    presentations,
    impact: { paces: sumPaces(acceleration.values()), asOf, synchronisation },
    goals: goals.map((goal) => ({ number: goal.number, short: goal.short, color: goal.color })),
    title: t("monitoring:report.title", { year }),
    description: t("monitoring:report.lead", { year }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }] : [];

export default function AnnualReportPage() {
  const { language, report, goals, presentations, impact } = useLoaderData<typeof loader>();
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
      <ReportImpact impact={impact} language={language} />
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

/** The network's impact over the year: outcomes by pace, and the synchronisation measures, each chart with its table. */
function ReportImpact({ impact, language }: { impact: { paces: Record<Pace, number>; asOf: string; synchronisation: NetworkSynchronisation }; language: Language }) {
  const { t } = useTranslation("network");
  const { paces, synchronisation } = impact;
  return (
    <section aria-labelledby="report-impact">
      <h2 id="report-impact">{t("impact.heading")}</h2>
      <div className="chart-grid">
        <BarChart
          title={t("impact.reportAcceleration")}
          description={t("impact.reportAccelerationDescription", { date: formatDate(impact.asOf, language) })}
          valueHeader={t("impact.outcomes")}
          language={language}
          data={(["ahead", "on_track", "behind", "not_measured"] as const).map((pace) => ({ label: t(`impact.paces.${pace}`), value: paces[pace] }))}
        />
        <BarChart
          title={t("impact.synchronisation")}
          description={t("impact.reportSynchronisationDescription")}
          valueHeader={t("impact.count")}
          language={language}
          data={[
            { label: t("impact.links"), value: synchronisation.links },
            { label: t("impact.jointProductsYear"), value: synchronisation.jointProducts },
            { label: t("impact.eventsTogetherYear"), value: synchronisation.eventsTogether },
            { label: t("impact.exchangePosts"), value: synchronisation.exchangePosts },
            { label: t("impact.exchangeOrganisations"), value: synchronisation.exchangeOrganisations },
          ]}
        />
      </div>
    </section>
  );
}
