import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAllCalls } from "~/modules/calls/calls.server";
import { callStatistics } from "~/modules/calls/stats.server";
import { languageParam, parseId } from "~/modules/http/params.server";
import { formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { BarChart } from "~/modules/progress/charts";

export const handle = { i18n: ["common", "calls", "hubs", "accounts", "monitoring"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "call:results");
  const calls = (await listAllCalls(context.db, language, new Date())).filter((call) => call.state !== "draft");
  const requested = parseId(new URL(request.url).searchParams.get("call"));
  const callId = calls.some((call) => call.id === requested) ? requested : null;
  const [stats, t] = await Promise.all([callStatistics(context.db, language, callId), getTranslator(language)]);
  return json({ language, calls: calls.map(({ id, title }) => ({ id, title })), callId, stats, title: t("calls:stats.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function CallStatisticsPage() {
  const { language, calls, callId, stats } = useLoaderData<typeof loader>();
  const { t } = useTranslation("calls");
  const tables: { id: string; title: string; rows: { label: string; count: number }[] }[] = [
    { id: "region", title: t("stats.byRegion"), rows: stats.byRegion.map((row) => ({ label: t(`accounts:regions.${row.key}`), count: row.count })) },
    { id: "sdg", title: t("stats.bySdg"), rows: stats.bySdg.map((row) => ({ label: t("stats.sdg", { number: row.key }), count: row.count })) },
    { id: "theme", title: t("stats.byTheme"), rows: stats.byTheme.map((row) => ({ label: row.key || t("stats.noTheme"), count: row.count })) },
  ];
  return (
    <div className="container">
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.lead")}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="stats-call">{t("stats.call")}</label>{" "}
        <select id="stats-call" name="call" defaultValue={callId ?? ""}>
          <option value="">{t("stats.allCalls")}</option>
          {calls.map((call) => (
            <option key={call.id} value={call.id}>
              {call.title}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button">
          {t("stats.show")}
        </button>{" "}
        <a href={`/${language}/council/calls.csv${callId ? `?call=${callId}` : ""}`}>{t("stats.csv")}</a>
      </Form>
      <BarChart
        title={t("stats.byStatus")}
        description={t("stats.chartDescription")}
        valueHeader={t("stats.count")}
        language={language}
        data={stats.byStatus.map((row) => ({ label: t(`hubs:status.${row.key}`), value: row.count }))}
      />
      <section aria-labelledby="stats-decision">
        <h2 id="stats-decision">{t("stats.decisionTime")}</h2>
        <p>
          {t("stats.decided", { count: stats.decisionDays.decided })}
          {stats.decisionDays.median !== null ? ` · ${t("stats.medianDays", { days: formatNumber(stats.decisionDays.median, language) })}` : ""}
        </p>
      </section>
      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`stats-${table.id}`}>
          <h2 id={`stats-${table.id}`}>{table.title}</h2>
          <table className="data-table">
            <caption className="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                <th scope="col">{table.title}</th>
                <th scope="col">{t("stats.count")}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{formatNumber(row.count, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
