import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "~/modules/accounts/session.server";
import { formFailure } from "~/modules/http/errors.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { badRequest } from "~/modules/http/responses.server";
import { can } from "~/modules/permissions/permissions";
import { requireCan, requirePermission } from "~/modules/permissions/permissions.server";
import { listAudit } from "~/modules/audit/audit.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ProgressUpdateSchema, ReviewSchema } from "~/modules/progress/progress-form";
import { ProgressUpdateForm } from "~/modules/progress/progress-update-form";
import { ActivitiesAndEvidence, OutcomeTable } from "~/modules/progress/published-progress";
import { getUpdate, getUpdateHub, listOutcomes, reviewUpdate, saveUpdate } from "~/modules/progress/progress.server";
import { presentUpdate } from "~/modules/progress/published-progress.server";
import { FormErrors, TextAreaField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "monitoring", "validation"] };

type Mode = "edit" | "review" | "read";

/** Who may open an update (the "progress:read" rule) and what they may do on it now: the HUB's own city writes, the council reviews, the secretariat reads. */
async function loadUpdate(context: AppLoadContext, request: Request, params: { lang?: string; updateId?: string }) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "progress:read");
  const update = requireCan(user, "progress:read", await getUpdate(context.db, idParam(params.updateId)));
  const mode: Mode =
    can(user, "progress:submit", update) && (update.status === "draft" || update.status === "clarification_requested")
      ? "edit"
      : can(user, "progress:review", update) && update.status === "submitted"
        ? "review"
        : "read";
  return { language, user, update, mode };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { language, user, update, mode } = await loadUpdate(context, request, params);
  const [outcomes, hub, audit, t] = await Promise.all([
    listOutcomes(context.db, update.hub_id),
    getUpdateHub(context.db, update.hub_id, language),
    listAudit(context.db, "progress_update", update.id),
    getTranslator(language),
  ]);
  const original = update.translations.find((row) => row.language === update.original_language)?.narrative ?? "";
  return json({
    language,
    mode,
    // The page the "back" link leads to: the city's reporting page, or the dashboard.
    backTo: can(user, "progress:submit") ? `/${language}/progress` : `/${language}/council`,
    hub,
    update: {
      id: update.id,
      kind: update.kind,
      status: update.status,
      version: update.version,
      periodStart: update.period_start,
      periodEnd: update.period_end,
      dueDate: update.due_date,
      reviewComment: update.review_comment,
      originalLanguage: update.original_language,
      overallStatus: update.overall_status,
      narrative: original,
      translations: Object.fromEntries(update.translations.filter((row) => row.language !== update.original_language).map((row) => [row.language, row.narrative ?? ""])),
      values: update.outcomes.map((row) => ({ outcomeId: row.outcome_id, value: row.value, milestoneReached: row.milestone_reached, comment: row.comment })),
      activities: update.activities.map((row) => ({ title: row.title, heldOn: row.held_on })),
      evidence: update.evidence,
    },
    presented: presentUpdate(update, outcomes, language),
    outcomes,
    audit: audit.map((entry) => ({ id: entry.id, action: entry.action, comment: entry.comment, at: new Date(entry.at).toISOString(), actor: entry.actor_name })),
    title: t("monitoring:update.title", { hub: hub.title }),
  });
}

async function cityAction(context: AppLoadContext, user: SessionUser, updateId: number, formData: FormData) {
  const submission = parseForm(formData, { schema: ProgressUpdateSchema });
  if (submission.status !== "success") return json({ form: "update" as const, result: submission.reply(), latestVersion: null }, { status: 400 });
  try {
    await saveUpdate(context.db, { updateId, user, input: submission.value });
    sendQueuedMail(context.db, context.env.SMTP_URL);
    return null;
  } catch (error) {
    const failure = formFailure(error);
    const latest = await getUpdate(context.db, updateId);
    return json({ form: "update" as const, result: submission.reply({ formErrors: [failure.message] }), latestVersion: latest?.version ?? null }, { status: failure.status });
  }
}

async function councilAction(context: AppLoadContext, user: SessionUser, updateId: number, formData: FormData) {
  const submission = parseForm(formData, { schema: ReviewSchema });
  if (submission.status !== "success") return json({ form: "review" as const, result: submission.reply(), latestVersion: null }, { status: 400 });
  try {
    await reviewUpdate(context.db, { updateId, reviewer: user, decision: submission.value.intent, comment: submission.value.comment, version: submission.value.version });
    sendQueuedMail(context.db, context.env.SMTP_URL);
    return null;
  } catch (error) {
    const failure = formFailure(error, { conflictMessage: "monitoring:review.conflict" });
    return json({ form: "review" as const, result: submission.reply({ formErrors: [failure.message] }), latestVersion: null }, { status: failure.status });
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { language, user, update, mode } = await loadUpdate(context, request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  let response;
  if ((intent === "save" || intent === "submit") && mode === "edit") response = await cityAction(context, user, update.id, formData);
  else if ((intent === "accept" || intent === "clarify") && mode === "review") response = await councilAction(context, user, update.id, formData);
  else if (mode === "read" && (intent === "accept" || intent === "clarify" || intent === "save" || intent === "submit")) {
    // Someone else moved it on meanwhile (or the role may not do this): say so, keep the page.
    return json({ form: intent === "accept" || intent === "clarify" ? ("review" as const) : ("update" as const), result: { status: "error" as const, error: { "": ["monitoring:review.conflict"] } }, latestVersion: update.version }, { status: 409 });
  } else badRequest();
  if (response) return response;
  return redirect(`/${language}/progress/updates/${update.id}?${new URLSearchParams({ done: String(intent) })}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ProgressUpdatePage() {
  const { language, mode, backTo, hub, update, presented, outcomes, audit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["monitoring", "common"]);
  const done = searchParams.get("done");
  return (
    <div className="container">
      <p>
        <Link to={backTo}>{t("update.back")}</Link>
      </p>
      <h1>{t("update.title", { hub: hub.title })}</h1>
      <p className="lead">
        {t(update.kind === "final" ? "period.final" : "period.progress", { start: formatDate(update.periodStart, language), end: formatDate(update.periodEnd, language) })}
        {" · "}
        {t("update.reviewStatus")}: <strong className={`review review--${update.status}`}>{t(`status.${update.status}`)}</strong>
      </p>
      {done && ["save", "submit", "accept", "clarify"].includes(done) ? (
        <p className="notice" role="status">
          {t(`update.done.${done}`)}
        </p>
      ) : null}
      {update.status === "clarification_requested" && update.reviewComment ? (
        <div className="callout">
          <h2>{t("update.clarificationTitle")}</h2>
          <p>{update.reviewComment}</p>
        </div>
      ) : null}
      {mode === "edit" ? (
        <ProgressUpdateForm
          outcomes={outcomes}
          version={actionData?.form === "update" && actionData.latestVersion ? actionData.latestVersion : update.version}
          originalLanguage={update.originalLanguage}
          language={language}
          lastResult={actionData?.form === "update" ? actionData.result : undefined}
          defaults={{
            overallStatus: update.overallStatus ?? undefined,
            narrative: update.narrative,
            translations: update.translations,
            outcomes: update.values,
            activities: update.activities,
            evidence: update.evidence,
          }}
        />
      ) : (
        <UpdateView presented={presented} language={language} />
      )}
      {mode === "review" ? <ReviewForm version={update.version} lastResult={actionData?.form === "review" ? actionData.result : undefined} /> : null}
      {mode === "read" && actionData ? <FormErrors errors={["monitoring:review.conflict"]} /> : null}
      <h2>{t("update.history")}</h2>
      <ol className="audit-trail">
        {audit.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{formatDate(entry.at, language)}</time> · {t(`audit.${entry.action}`, { defaultValue: entry.action })}
            {entry.actor ? ` · ${entry.actor}` : ""}
            {entry.comment ? <q>{entry.comment}</q> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function UpdateView({ presented, language }: { presented: ReturnType<typeof useLoaderData<typeof loader>>["presented"]; language: "en" | "es" | "fr" }) {
  const { t } = useTranslation(["monitoring", "common"]);
  return (
    <section aria-labelledby="update-content">
      <h2 id="update-content">{t("update.content")}</h2>
      {presented.overallStatus ? (
        <p>
          {t("form.overallStatus")}: <span className={`overall overall--${presented.overallStatus}`}>{t(`overall.${presented.overallStatus}`)}</span>
        </p>
      ) : null}
      <p lang={presented.narrativeLanguage} className="progress-entry__narrative">
        {presented.narrative}
      </p>
      <OutcomeTable update={presented} language={language} />
      <ActivitiesAndEvidence update={presented} language={language} Heading="h3" />
    </section>
  );
}

function ReviewForm({ version, lastResult }: { version: number; lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation("monitoring");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "review",
    lastResult,
    constraint: getZodConstraint(ReviewSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
  });
  return (
    <section aria-labelledby="review-title" className="panel">
      <h2 id="review-title">{t("review.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField meta={fields.comment} rows={4} label={t("review.comment")} help={t("review.commentHelp")} />
        <div className="actions">
          <button type="submit" name="intent" value="accept" className="button" disabled={navigation.state === "submitting"}>
            {t("review.accept")}
          </button>
          <button type="submit" name="intent" value="clarify" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("review.clarify")}
          </button>
        </div>
      </Form>
    </section>
  );
}
