import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssignSchema } from "~/modules/calls/call-schema";
import { getCall } from "~/modules/calls/calls.server";
import { callEvaluation, listCouncilMembers, setAssignment, type RankedSort } from "~/modules/calls/evaluation.server";
import { FormErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { formFailure } from "~/modules/http/errors.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { can } from "~/modules/permissions/permissions";
import { requireCan, requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "calls", "hubs", "validation"] };

const SORTS: RankedSort[] = ["rank", "title", "city"];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:results");
  const callId = idParam(params.callId);
  const requested = new URL(request.url).searchParams.get("sort");
  const sort = SORTS.find((candidate) => candidate === requested) ?? "rank";
  const now = new Date();
  const [call, evaluation, members, t] = await Promise.all([
    getCall(context.db, callId, language, now),
    callEvaluation(context.db, callId, language, sort),
    listCouncilMembers(context.db),
    getTranslator(language),
  ]);
  if (!call || !evaluation) notFound();
  return json({
    language,
    call: { id: call.id, title: call.title, titleLanguage: call.titleLanguage, state: call.state },
    evaluation,
    members,
    sort,
    canManage: can(user, "call:manage"),
    canDecide: can(user, "review:decide"),
    title: `${t("calls:evaluation.title")} · ${call.title}`,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:results");
  requireCan(user, "call:manage");
  const callId = idParam(params.callId);
  const submission = parseForm(await readFormData(request), { schema: AssignSchema });
  if (submission.status !== "success") return json({ error: "validation:invalid" }, { status: 400 });
  try {
    await setAssignment(context.db, user.id, callId, submission.value.hubId, submission.value.reviewerId, submission.value.intent === "assign");
  } catch (error) {
    const failure = formFailure(error);
    return json({ error: failure.message }, { status: failure.status });
  }
  return redirect(`/${language}/admin/calls/${callId}/evaluation#proposal-${submission.value.hubId}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

const format = (value: number | null, language: string) => (value === null ? "–" : formatNumber(value, language as "en", { maximumFractionDigits: 2 }));

export default function CallEvaluationPage() {
  const { language, call, evaluation, members, sort, canManage, canDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { error?: string } | undefined;
  const { t } = useTranslation("calls");
  return (
    <div className="container">
      <p>
        <Link to={canManage ? `/${language}/admin/calls/${call.id}` : `/${language}/calls`}>{canManage ? t("admin.back") : t("public.back")}</Link>
      </p>
      <h1>
        {t("evaluation.title")}: <span lang={call.titleLanguage}>{call.title}</span>
      </h1>
      <p>{t("evaluation.lead")}</p>
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} />
      <section aria-labelledby="ranked">
        <h2 id="ranked">{t("evaluation.ranked")}</h2>
        {evaluation.proposals.length === 0 ? (
          <p>{t("evaluation.none")}</p>
        ) : (
          <>
            <Form method="get" className="inline-form">
              <label htmlFor="sort">{t("evaluation.sortBy")}</label>{" "}
              <select id="sort" name="sort" defaultValue={sort}>
                {SORTS.map((value) => (
                  <option key={value} value={value}>
                    {t(`evaluation.sort.${value}`)}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" className="button">
                {t("evaluation.sortButton")}
              </button>{" "}
              <a href={`/${language}/admin/calls/${call.id}/evaluation.csv?sort=${sort}`}>{t("evaluation.csv")}</a>
            </Form>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t("evaluation.ranked")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluation.rank")}</th>
                    <th scope="col">{t("evaluation.proposal")}</th>
                    <th scope="col">{t("evaluation.city")}</th>
                    <th scope="col">{t("evaluation.status")}</th>
                    <th scope="col">{t("evaluation.average")}</th>
                    {evaluation.criteria.map((criterion, index) => (
                      <th key={criterion.id} scope="col" lang={criterion.language} title={criterion.title}>
                        {t("form.criterion", { number: index + 1 })}
                      </th>
                    ))}
                    <th scope="col">{t("evaluation.reviewers")}</th>
                    <th scope="col">{t("evaluation.recommendations")}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluation.proposals.map((row) => (
                    <tr key={row.id}>
                      <td>{row.rank ?? "–"}</td>
                      <th scope="row">
                        <a href={`#proposal-${row.id}`}>{row.title}</a>
                      </th>
                      <td>{row.city}</td>
                      <td>{t(`hubs:status.${row.status}`)}</td>
                      <td>{format(row.overall, language)}</td>
                      {row.perCriterion.map((stats) => (
                        <td key={stats.criterionId}>
                          {format(stats.average, language)}
                          {stats.spread !== null ? ` (±${format(stats.spread, language)})` : ""}
                        </td>
                      ))}
                      <td>{row.reviewers}</td>
                      <td>
                        {(["recognise", "changes", "decline"] as const)
                          .filter((key) => row.recommendations[key] > 0)
                          .map((key) => `${t(`evaluation.recommendationValues.${key}`)}: ${row.recommendations[key]}`)
                          .join(", ") || "–"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t("form.criteria")}</h3>
            <ol>
              {evaluation.criteria.map((criterion) => (
                <li key={criterion.id} lang={criterion.language}>
                  {criterion.title}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      {evaluation.proposals.map((row) => (
        <section key={row.id} id={`proposal-${row.id}`} aria-labelledby={`proposal-${row.id}-title`} className="panel">
          <h2 id={`proposal-${row.id}-title`}>{t("evaluation.detail", { title: row.title })}</h2>
          <p>
            {row.city} · {t(`hubs:status.${row.status}`)}
            {canDecide && row.status === "submitted" ? (
              <>
                {" "}
                · <Link to={`/${language}/review/${row.id}`}>{t("evaluation.decide")}</Link>
              </>
            ) : null}
          </p>
          <h3>{t("evaluation.assigned")}</h3>
          {row.assigned.length ? (
            <ul>
              {row.assigned.map((member) => {
                const reasons = [member.flags.sameOrganisation ? t("evaluation.sameOrganisation") : null, member.flags.sameCountry ? t("evaluation.sameCountry") : null].filter(Boolean);
                return (
                  <li key={member.reviewerId}>
                    {member.name}: {member.conflict ? t("evaluation.declared") : member.scored ? t("evaluation.scored") : t("evaluation.pending")}
                    {reasons.length ? ` (${t("evaluation.flagged", { reasons: reasons.join(", ") })})` : ""}
                    {canManage && !member.scored ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="hubId" value={row.id} />
                        <input type="hidden" name="reviewerId" value={member.reviewerId} />
                        <button type="submit" name="intent" value="unassign" className="button--link">
                          {t("evaluation.unassign", { name: member.name })}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {canManage && row.status === "submitted" ? (
            members.length ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="hubId" value={row.id} />
                <label htmlFor={`assign-${row.id}`}>{t("evaluation.assignWho", { title: row.title })}</label>{" "}
                <select id={`assign-${row.id}`} name="reviewerId">
                  {members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.display_name}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" name="intent" value="assign" className="button">
                  {t("evaluation.assign")}
                </button>
              </Form>
            ) : (
              <p>{t("evaluation.noMembers")}</p>
            )
          ) : null}
          {row.assigned.some((member) => member.scored) ? (
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t("evaluation.detail", { title: row.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluation.member")}</th>
                    {evaluation.criteria.map((criterion, index) => (
                      <th key={criterion.id} scope="col">
                        {t("form.criterion", { number: index + 1 })}
                      </th>
                    ))}
                    <th scope="col">{t("evaluation.recommendation")}</th>
                    <th scope="col">{t("evaluation.comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {row.assigned
                    .filter((member) => member.scored)
                    .map((member) => (
                      <tr key={member.reviewerId}>
                        <th scope="row">
                          {member.name}
                          {member.conflict ? ` (${t("evaluation.declared")})` : ""}
                        </th>
                        {evaluation.criteria.map((criterion) => {
                          const score = member.scores.find((candidate) => candidate.criterionId === criterion.id);
                          return (
                            <td key={criterion.id} title={score?.comment || undefined}>
                              {score?.score ?? "–"}
                              {score?.comment ? <div className="field-help">{score.comment}</div> : null}
                            </td>
                          );
                        })}
                        <td>{member.recommendation ? t(`evaluation.recommendationValues.${member.recommendation}`) : "–"}</td>
                        <td>{member.comment}</td>
                      </tr>
                    ))}
                  <tr>
                    <th scope="row">{t("evaluation.average")}</th>
                    {row.perCriterion.map((stats) => (
                      <td key={stats.criterionId}>
                        {format(stats.average, language)}
                        {stats.spread !== null ? ` (${t("evaluation.spread")} ${format(stats.spread, language)})` : ""}
                      </td>
                    ))}
                    <td colSpan={2}>{format(row.overall, language)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
