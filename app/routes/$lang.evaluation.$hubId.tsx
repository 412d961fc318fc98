import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictSchema, ScoreSchema } from "~/modules/calls/call-schema";
import { declareConflict, saveScores, scoringSheet } from "~/modules/calls/evaluation.server";
import { ErrorList, FormErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { formFailure } from "~/modules/http/errors.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requireCan, requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "calls", "hubs", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:evaluate");
  const hubId = idParam(params.hubId);
  const sheet = await scoringSheet(context.db, user.id, hubId, language);
  // Not assigned to this member: as if the proposal did not exist (404).
  requireCan(user, "call:evaluate", sheet ? { assigned: true } : null);
  const t = await getTranslator(language);
  return json({ language, sheet: sheet!, title: t("calls:scoring.pageTitle", { title: sheet!.title }) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:evaluate");
  const hubId = idParam(params.hubId);
  requireCan(user, "call:evaluate", (await scoringSheet(context.db, user.id, hubId, language)) ? { assigned: true } : null);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  try {
    if (intent === "conflict") {
      const submission = parseForm(formData, { schema: ConflictSchema });
      if (submission.status !== "success") return json({ form: "conflict", result: submission.reply() }, { status: 400 });
      await declareConflict(context.db, user.id, hubId, submission.value.conflict === "yes", submission.value.note);
      return redirect(`/${language}/evaluation/${hubId}?saved=conflict`);
    }
    const submission = parseForm(formData, { schema: ScoreSchema });
    if (submission.status !== "success") return json({ form: "score", result: submission.reply() }, { status: 400 });
    await saveScores(context.db, user.id, hubId, submission.value);
    return redirect(`/${language}/evaluation/${hubId}?saved=scores`);
  } catch (error) {
    const failure = formFailure(error);
    return json({ form: intent === "conflict" ? "conflict" : "score", result: { status: "error", error: { "": [failure.message] } } as SubmissionResult<string[]> }, { status: failure.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { form: "conflict" | "score"; result: SubmissionResult<string[]> } | undefined;

export default function ScoringPage() {
  const { language, sheet } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("calls");
  const errors = (form: "conflict" | "score", name: string) => (actionData?.form === form ? (actionData.result.error?.[name] ?? undefined) : undefined) as string[] | undefined;
  const typed = (name: string) => (actionData?.form === "score" ? ((actionData.result.initialValue as Record<string, unknown> | undefined)?.[name] as string | undefined) : undefined);
  const reasons = [sheet.flags.sameOrganisation ? t("evaluation.sameOrganisation") : null, sheet.flags.sameCountry ? t("evaluation.sameCountry") : null].filter(Boolean);
  const scorable = sheet.status === "submitted" && !sheet.conflict;
  return (
    <div className="container">
      <p>
        <Link to={`/${language}/evaluation`}>{t("scoring.title")}</Link>
      </p>
      <h1>{t("scoring.pageTitle", { title: sheet.title })}</h1>
      <p>
        {t(`hubs:status.${sheet.status}`)} · <Link to={`/${language}/review/${sheet.hubId}`}>{t("scoring.readProposal")}</Link>
      </p>
      {searchParams.get("saved") ? (
        <p role="status" className="notice notice--success">
          {searchParams.get("saved") === "scores" ? t("scoring.saved") : t("evaluation.saved")}
        </p>
      ) : null}
      <section aria-labelledby="conflict-title" className="panel">
        <h2 id="conflict-title">{t("scoring.conflictTitle")}</h2>
        {reasons.length ? <p className="notice">{t("scoring.conflictFlagged", { reasons: reasons.join(", ") })}</p> : null}
        {sheet.conflict ? <p>{t("scoring.conflictDeclared")}</p> : null}
        <Form method="post" className="form">
          <FormErrors errors={errors("conflict", "")} />
          <input type="hidden" name="intent" value="conflict" />
          <fieldset>
            <legend>{t("scoring.conflictQuestion")}</legend>
            <div className="field field--checkbox">
              <input type="radio" id="conflict-yes" name="conflict" value="yes" defaultChecked={sheet.conflict} />
              <label htmlFor="conflict-yes">{t("scoring.conflictYes")}</label>
            </div>
            <div className="field field--checkbox">
              <input type="radio" id="conflict-no" name="conflict" value="no" defaultChecked={!sheet.conflict} />
              <label htmlFor="conflict-no">{t("scoring.conflictNo")}</label>
            </div>
            <ErrorList errors={errors("conflict", "conflict")} />
          </fieldset>
          <div className="field">
            <label htmlFor="conflict-note">{t("scoring.conflictNote")}</label>
            <textarea id="conflict-note" name="note" rows={2} maxLength={1000} defaultValue={sheet.conflictNote ?? ""} />
          </div>
          <button type="submit" className="button">
            {t("scoring.conflictSave")}
          </button>
        </Form>
      </section>
      {scorable ? (
        <section aria-labelledby="scores-title" className="panel">
          <h2 id="scores-title">{t("scoring.scoresTitle")}</h2>
          <Form method="post" className="form">
            <FormErrors errors={errors("score", "")} />
            <input type="hidden" name="intent" value="score" />
            {sheet.criteria.map((criterion, index) => (
              <fieldset key={criterion.id} className="translation-set">
                <legend lang={criterion.language}>{t("form.criterion", { number: index + 1 })}: {criterion.title}</legend>
                <input type="hidden" name={`scores[${index}].criterionId`} value={criterion.id} />
                <div className="field">
                  <label htmlFor={`score-${criterion.id}`}>{t("scoring.scoreOf", { criterion: criterion.title })}</label>
                  <select
                    id={`score-${criterion.id}`}
                    name={`scores[${index}].score`}
                    defaultValue={typed(`scores[${index}].score`) ?? (criterion.score === null ? "" : String(criterion.score))}
                    required
                    aria-invalid={errors("score", `scores[${index}].score`) ? true : undefined}
                  >
                    <option value="">–</option>
                    {[1, 2, 3, 4, 5].map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </select>
                  <ErrorList errors={errors("score", `scores[${index}].score`)} />
                </div>
                <div className="field">
                  <label htmlFor={`comment-${criterion.id}`}>{t("scoring.commentOf", { criterion: criterion.title })}</label>
                  <textarea id={`comment-${criterion.id}`} name={`scores[${index}].comment`} rows={2} maxLength={2000} defaultValue={criterion.comment} />
                </div>
              </fieldset>
            ))}
            <div className="field">
              <label htmlFor="recommendation">{t("scoring.recommendation")}</label>
              <select id="recommendation" name="recommendation" defaultValue={sheet.recommendation ?? ""} required>
                <option value="">–</option>
                {(["recognise", "changes", "decline"] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`evaluation.recommendationValues.${value}`)}
                  </option>
                ))}
              </select>
              <ErrorList errors={errors("score", "recommendation")} />
            </div>
            <div className="field">
              <label htmlFor="overall-comment">{t("scoring.comment")}</label>
              <textarea id="overall-comment" name="comment" rows={4} maxLength={5000} defaultValue={sheet.comment ?? ""} required />
              <ErrorList errors={errors("score", "comment")} />
            </div>
            <button type="submit" className="button button--primary">
              {t("scoring.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
