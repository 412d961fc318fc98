import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { timeLeft } from "~/modules/calls/call-lifecycle";
import { getPublicCall, recognisedThrough } from "~/modules/calls/calls.server";
import { CallDeadline, CallStateBadge } from "~/modules/calls/call-view";
import { languageParam, slugParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { countryName, formatDateTime, formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import { ExternalLink } from "~/ui/external-link";

export const handle = { i18n: ["common", "calls", "accounts"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const now = new Date();
  const call = await getPublicCall(context.db, slugParam(params.callSlug), language, now);
  if (!call) notFound();
  const [results, goals, t] = await Promise.all([
    call.state === "results_published" ? recognisedThrough(context.db, call.id, language) : null,
    listSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  return json({
    language,
    call,
    results,
    goals: goals.filter((goal) => call.goals.includes(goal.number) || results?.byGoal.some((row) => row.goal === goal.number)),
    timeLeft: call.closesAt && call.state === "open" ? timeLeft(call.closesAt, now) : null,
    title: `${call.title} · ${t("siteName")}`,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function CallPage() {
  const { language, call, results, goals, timeLeft } = useLoaderData<typeof loader>();
  const { t } = useTranslation("calls");
  const { t: tAccounts } = useTranslation("accounts");
  const goal = (number: number) => goals.find((candidate) => candidate.number === number);
  return (
    <article className="container call-page" aria-labelledby="call-title">
      <p>
        <Link to={`/${language}/calls`}>{t("public.back")}</Link>
      </p>
      <h1 id="call-title" lang={call.titleLanguage}>
        {call.title}
      </h1>
      <p>
        <CallStateBadge state={call.state} />
      </p>
      {call.summary ? (
        <p className="lead" lang={call.summaryLanguage}>
          {call.summary}
        </p>
      ) : null}
      {call.state === "scheduled" ? (
        <p>
          {t("dates.opens")} <time dateTime={call.opensAt}>{formatDateTime(call.opensAt, language)}</time>
        </p>
      ) : null}
      <CallDeadline closesAt={call.closesAt} timeLeft={timeLeft} language={language} />
      {call.state === "open" ? (
        <section aria-labelledby="call-apply" className="panel">
          <h2 id="call-apply">{t("public.howToApply")}</h2>
          <p>{t("public.howToApplyText", { years: call.maxTimelineYears })}</p>
          <p>
            <Link className="button" to={`/${language}/my/hubs/new?call=${call.id}`}>
              {t("public.apply")}
            </Link>
          </p>
        </section>
      ) : null}
      {call.body ? (
        <section aria-labelledby="call-text">
          <h2 id="call-text">{t("public.text")}</h2>
          <div className="call-page__text" lang={call.bodyLanguage}>
            {call.body.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </section>
      ) : null}
      <section aria-labelledby="call-eligibility">
        <h2 id="call-eligibility">{t("public.eligibility")}</h2>
        <ul>
          {call.eligibleKinds.map((kind) => (
            <li key={kind}>{tAccounts(`kinds.${kind}`)}</li>
          ))}
        </ul>
        <p>{t("public.maxTimeline", { years: call.maxTimelineYears })}</p>
        {call.themes.length ? (
          <>
            <h3>{t("public.themes")}</h3>
            <ul>
              {call.themes.map((theme) => (
                <li key={theme.id}>{theme.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        {call.goals.length ? (
          <>
            <h3>{t("public.goals")}</h3>
            <ul className="chip-list">
              {call.goals.map((number) => {
                const found = goal(number);
                return found ? (
                  <li key={number}>
                    <SdgChip goal={found} />
                  </li>
                ) : null;
              })}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="call-criteria">
        <h2 id="call-criteria">{t("public.criteria")}</h2>
        <p>{t("public.criteriaLead")}</p>
        <ol>
          {call.criteria.map((criterion) => (
            <li key={criterion.id} lang={criterion.language}>
              {criterion.title}
            </li>
          ))}
        </ol>
      </section>
      {call.documents.length ? (
        <section aria-labelledby="call-documents">
          <h2 id="call-documents">{t("public.documents")}</h2>
          <ul>
            {call.documents.map((document, index) => (
              <li key={index}>
                <ExternalLink href={document.url}>{document.title}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results ? (
        <section aria-labelledby="call-results">
          <h2 id="call-results">{t("public.results", { count: results.hubs.length })}</h2>
          {results.hubs.length ? (
            <>
              <ul>
                {results.hubs.map((hub) => (
                  <li key={hub.id}>
                    <Link to={`/${language}/hubs/${hub.slug}`}>{hub.title}</Link> — {hub.city}, {countryName(hub.country_code, language)}
                  </li>
                ))}
              </ul>
              <div className="call-results__counts">
                <table className="data-table">
                  <caption>{t("public.byRegion")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("public.region")}</th>
                      <th scope="col">{t("public.hubs")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.byRegion.map((row) => (
                      <tr key={row.region}>
                        <th scope="row">{tAccounts(`regions.${row.region}`)}</th>
                        <td>{formatNumber(row.count, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table className="data-table">
                  <caption>{t("public.byGoal")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("public.goal")}</th>
                      <th scope="col">{t("public.hubs")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.byGoal.map((row) => (
                      <tr key={row.goal}>
                        <th scope="row">
                          {t("public.goalName", { number: row.goal, name: goal(row.goal)?.short ?? "" })}
                        </th>
                        <td>{formatNumber(row.count, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p>{t("public.noResults")}</p>
          )}
        </section>
      ) : null}
      {call.closesAt ? (
        <p>
          <a href={`/${language}/calls/${call.slug}/deadline.ics`}>{t("public.ics")}</a>
        </p>
      ) : null}
    </article>
  );
}
