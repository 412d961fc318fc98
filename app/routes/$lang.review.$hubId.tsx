import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ChangeDecisionSchema, DecisionSchema, ReviewSchema, TEXT_FIELDS, TranslationsSchema, type ProposalInput } from "~/modules/proposals/proposal-schema";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { ChangeRequestTable } from "~/modules/proposals/change-request-table";
import { HistoryList, ProposalView, type ProposalViewValues } from "~/modules/proposals/proposal-view";
import { decideChangeRequest, listChangeRequests } from "~/modules/proposals/change-requests.server";
import { findVisibleHub } from "~/modules/proposals/proposals.server";
import { listHistory, listReviews, recordReview } from "~/modules/proposals/reviews.server";
import { loadProposalValues, proposalFormOptions } from "~/modules/proposals/proposal-values.server";
import { saveTranslations } from "~/modules/proposals/translations.server";
import { canTransition, transition } from "~/modules/hubs/lifecycle.server";
import { displayStatusOf, isoToday } from "~/modules/hubs/lifecycle";
import { formFailure } from "~/modules/http/errors.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { badRequest } from "~/modules/http/responses.server";
import { can } from "~/modules/permissions/permissions";
import { requireCan, requirePermission } from "~/modules/permissions/permissions.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { getOrganisation } from "~/modules/accounts/organisations.server";
import { readFormData } from "~/modules/http/forms.server";
import { stepUpProblem } from "~/modules/accounts/step-up.server";
import { StepUpField } from "~/modules/accounts/step-up-field";
import { stepUpNeeded } from "~/modules/accounts/two-factor.server";

export const handle = { i18n: ["common", "accounts", "hubs", "network", "proposals", "review", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "review:read");
  const hubId = idParam(params.hubId);
  const hub = requireCan(user, "hub:read", await findVisibleHub(context.db, user, hubId));
  const [{ values }, options, goals, reviews, history, changeRequests, organisation, t] = await Promise.all([
    loadProposalValues(context.db, hubId),
    proposalFormOptions(context.db, language, hubId),
    listSdgGoals(context.db, language),
    listReviews(context.db, hubId),
    listHistory(context.db, hubId, { includeReviews: true }),
    listChangeRequests(context.db, hubId, language),
    getOrganisation(context.db, hub.lead_organisation_id),
    getTranslator(language),
  ]);
  return json({
    language,
    hubId,
    status: hub.status,
    // What the HUB is today (an ended HUB reads "ended, final report due", not "recognised").
    displayStatus: displayStatusOf({ status: hub.status, startDate: hub.start_date, endDate: hub.end_date }, isoToday()),
    values,
    organisation: { name: organisation.name, city: organisation.city, verified: Boolean(organisation.verified_at) },
    options: { ...options, goals },
    reviews: reviews.map((review) => ({ ...review, created_at: new Date(review.created_at).toISOString() })),
    history: history.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
    changeRequests,
    canReview: can(user, "review:recommend") && hub.status === "submitted",
    canDecide: canTransition(user, hub, "recognise"),
    // A recognition asks for a fresh second-factor code when the last one is older than 15 minutes.
    stepUpNeeded: stepUpNeeded(user),
    canDecideChanges: can(user, "review:decide"),
    canLinkCouncils: can(user, "network:councils"),
    canTranslate: can(user, "hub:translate", hub) && hub.status !== "draft",
    title: t("review:detail.title", { title: values.title ?? "" }),
  });
}

const DECISION_TRANSITION = { recognise: "recognise", request_changes: "request_changes", decline: "decline" } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "review:read");
  const hubId = idParam(params.hubId);
  requireCan(user, "hub:read", await findVisibleHub(context.db, user, hubId));
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const fail = (reply: SubmissionResult<string[]>, form: string) => json({ form, result: reply }, { status: 400 });
  const refused = (error: unknown, submission: { reply: (options: { formErrors: string[] }) => SubmissionResult<string[]> }, form: string) => {
    const failure = formFailure(error);
    return json({ form, result: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
  };

  if (intent === "review") {
    // Only the council records reviews; the secretariat decides.
    requireCan(user, "review:recommend");
    const submission = parseForm(formData, { schema: ReviewSchema });
    if (submission.status !== "success") return fail(submission.reply(), "review");
    try {
      await recordReview(context.db, user, hubId, submission.value.recommendation, submission.value.comment);
    } catch (error) {
      return refused(error, submission, "review");
    }
    return redirect(`/${language}/review/${hubId}?reviewed=1`);
  }
  if (intent === "decide") {
    requireCan(user, "review:decide");
    const submission = parseForm(formData, { schema: DecisionSchema });
    if (submission.status !== "success") return fail(submission.reply(), "decide");
    if (submission.value.decision === "recognise") {
      const problem = await stepUpProblem(context, request, user, formData);
      if (problem) return json({ form: "decide", result: submission.reply(), stepUpError: problem }, { status: 400 });
    }
    try {
      await transition(context.db, user, hubId, DECISION_TRANSITION[submission.value.decision], { comment: submission.value.message });
    } catch (error) {
      return refused(error, submission, "decide");
    }
    return redirect(`/${language}/review/${hubId}?decided=1`);
  }
  if (intent === "decideChange") {
    requireCan(user, "review:decide");
    const submission = parseForm(formData, { schema: ChangeDecisionSchema });
    if (submission.status !== "success") return fail(submission.reply(), "decideChange");
    try {
      await decideChangeRequest(
        context.db,
        user,
        hubId,
        submission.value.changeRequestId,
        submission.value.decision === "approve",
        submission.value.message ?? null,
        submission.value.version,
      );
    } catch (error) {
      return refused(error, submission, "decideChange");
    }
    return redirect(`/${language}/review/${hubId}?changeDecided=1`);
  }
  if (intent === "translate") {
    requireCan(user, "hub:translate");
    const submission = parseForm(formData, { schema: TranslationsSchema });
    if (submission.status !== "success") return fail(submission.reply(), "translate");
    try {
      await saveTranslations(context.db, user, hubId, submission.value.version, submission.value.translations ?? {});
    } catch (error) {
      return refused(error, submission, "translate");
    }
    return redirect(`/${language}/review/${hubId}?translated=1`);
  }
  badRequest();
}

/** A form answer that is not a redirect keeps the page's data, so what was typed stays (see the edit page). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "result" in actionResult ? false : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { form: string; result: SubmissionResult<string[]>; stepUpError?: string } | undefined;

export default function ReviewProposalPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["review", "proposals", "hubs", "network"]);
  const { language, values } = data;
  const notice = ["reviewed", "decided", "changeDecided", "translated"].find((flag) => searchParams.get(flag) === "1");
  const pending = data.changeRequests.filter((request) => request.status === "pending");
  return (
    <div className="container">
      <p>
        <Link to={`/${language}/review`}>{t("review:detail.back")}</Link>
      </p>
      <h1 lang={values.originalLanguage}>{values.title}</h1>
      <p>
        {t("proposals:list.status")}: <span className={`status status--${data.displayStatus}`}>{t(`hubs:status.${data.displayStatus}`)}</span> ·{" "}
        {data.organisation.name} ({data.organisation.city}){data.organisation.verified ? "" : ` · ${t("review:detail.unverified")}`}
      </p>
      {notice ? (
        <p role="status" className="notice notice--success">
          {t(`review:notices.${notice}`)}
        </p>
      ) : null}
      {data.canLinkCouncils ? (
        <p>
          <Link to={`/${language}/admin/hubs/${data.hubId}/policy-councils`}>{t("network:councils.linkAction")}</Link>
        </p>
      ) : null}
      {data.canReview ? <ReviewForm lastResult={actionData?.form === "review" ? actionData.result : undefined} /> : null}
      {data.canDecide ? <DecisionForm
          lastResult={actionData?.form === "decide" ? actionData.result : undefined}
          stepUpNeeded={data.stepUpNeeded}
          stepUpError={actionData?.form === "decide" ? actionData.stepUpError : undefined}
        /> : null}
      {pending.length ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">{t("proposals:changes.pendingTitle")}</h2>
          {pending.map((request) => (
            <div key={request.id}>
              <ChangeRequestTable request={request} language={language} />
              {data.canDecideChanges ? (
                <ChangeDecisionForm requestId={request.id} version={values.version} lastResult={actionData?.form === "decideChange" ? actionData.result : undefined} />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t("review:reviews.title")}</h2>
        {data.reviews.length === 0 ? (
          <p>{t("review:reviews.none")}</p>
        ) : (
          <ul className="reviews">
            {data.reviews.map((review) => (
              <li key={review.id}>
                <p>
                  <strong>{t(`review:recommendation.${review.recommendation}`)}</strong> · {review.reviewer} ·{" "}
                  <time dateTime={review.created_at}>{formatDate(review.created_at, language)}</time>
                </p>
                <blockquote className="preserve-lines">{review.comment}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="proposal-title">
        <h2 id="proposal-title">{t("review:detail.proposal")}</h2>
        <ProposalView values={values as unknown as ProposalViewValues} options={data.options} language={language} />
      </section>
      {data.canTranslate ? (
        <TranslationForm
          version={values.version}
          originalLanguage={values.originalLanguage}
          translations={values.translations}
          lastResult={actionData?.form === "translate" ? actionData.result : undefined}
        />
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("proposals:history.title")}</h2>
        <HistoryList entries={data.history} language={language} />
      </section>
    </div>
  );
}

const LONG_TEXTS = new Set(["description", "localGlobalLink", "acceleration", "synchronisation"]);

function TranslationForm({
  version,
  originalLanguage,
  translations,
  lastResult,
}: {
  version: number;
  originalLanguage: Language;
  translations: ProposalInput["translations"];
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation(["review", "proposals"]);
  const [form, fields] = useForm<{ intent: "translate"; version: number; translations?: ProposalInput["translations"] }>({
    id: `translate-${version}`,
    lastResult,
    defaultValue: { intent: "translate", version, translations },
    constraint: getZodConstraint(TranslationsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TranslationsSchema }),
  });
  const sets = fields.translations.getFieldset();
  return (
    <section aria-labelledby="translate-title" className="panel">
      <h2 id="translate-title">{t("review:translate.title")}</h2>
      <p>{t("proposals:form.translationsHelp", { language: t(`common:languages.${originalLanguage}`) })}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="translate" />
        <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />
        {SUPPORTED_LANGUAGES.filter((other) => other !== originalLanguage).map((other) => {
          const set = sets[other].getFieldset();
          return (
            <fieldset key={other} className="translation-set">
              <legend>{t("proposals:form.translationInto", { language: t(`common:languages.${other}`) })}</legend>
              {TEXT_FIELDS.map((field) => {
                const meta = set[field];
                const label = `${t(`proposals:form.${field}.label`)} (${t(`common:languages.${other}`)})`;
                const help = meta.initialValue ? undefined : t("proposals:form.translationMissing");
                return LONG_TEXTS.has(field) ? (
                  <TextAreaField key={field} meta={meta} label={label} help={help} rows={4} />
                ) : (
                  <TextField key={field} meta={meta} label={label} help={help} />
                );
              })}
            </fieldset>
          );
        })}
        <button type="submit" className="button">
          {t("review:translate.submit")}
        </button>
      </Form>
    </section>
  );
}

function ReviewForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm({
    id: "review",
    lastResult,
    constraint: getZodConstraint(ReviewSchema),
    shouldValidate: "onBlur",
    // Errors clear as the user types, not on blur: a blur that removed an error would move the submit button under the pointer.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
  });
  return (
    <section aria-labelledby="review-form-title" className="panel">
      <h2 id="review-form-title">{t("reviewForm.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="review" />
        <SelectField
          meta={fields.recommendation}
          label={t("reviewForm.recommendation")}
          help={t("reviewForm.recommendationHelp")}
          placeholder={t("reviewForm.choose")}
          options={(["recognise", "changes", "decline"] as const).map((value) => ({ value, label: t(`recommendation.${value}`) }))}
        />
        <TextAreaField meta={fields.comment} label={t("reviewForm.comment")} help={t("reviewForm.commentHelp")} />
        <button type="submit" className="button">
          {t("reviewForm.submit")}
        </button>
      </Form>
    </section>
  );
}

function DecisionForm({ lastResult, stepUpNeeded, stepUpError }: { lastResult?: SubmissionResult<string[]>; stepUpNeeded: boolean; stepUpError?: string }) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm({
    id: "decide",
    lastResult,
    constraint: getZodConstraint(DecisionSchema),
    shouldValidate: "onBlur",
    // Errors clear as the user types, not on blur: a blur that removed an error would move the submit button under the pointer.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  return (
    <section aria-labelledby="decision-form-title" className="panel">
      <h2 id="decision-form-title">{t("decisionForm.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="decide" />
        <SelectField
          meta={fields.decision}
          label={t("decisionForm.decision")}
          placeholder={t("reviewForm.choose")}
          options={(["recognise", "request_changes", "decline"] as const).map((value) => ({ value, label: t(`decision.${value}`) }))}
        />
        <TextAreaField meta={fields.message} label={t("decisionForm.message")} help={t("decisionForm.messageHelp")} />
        {stepUpNeeded ? <StepUpField formId="decide" error={stepUpError} /> : null}
        <button type="submit" className="button">
          {t("decisionForm.submit")}
        </button>
      </Form>
    </section>
  );
}

function ChangeDecisionForm({ requestId, version, lastResult }: { requestId: number; version: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm<{ changeRequestId: number; version: number; message?: string }>({
    id: `change-${requestId}-${version}`,
    lastResult,
    defaultValue: { changeRequestId: requestId, version },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="decideChange" />
      <input {...getInputProps(fields.changeRequestId, { type: "hidden" })} key={fields.changeRequestId.key} />
      <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />
      <TextAreaField meta={fields.message} label={t("changeForm.message")} rows={3} />
      <div className="form-actions">
        <button type="submit" name="decision" value="approve" className="button">
          {t("changeForm.approve")}
        </button>
        <button type="submit" name="decision" value="reject" className="button button--secondary">
          {t("changeForm.reject")}
        </button>
      </div>
    </Form>
  );
}
