import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { handleProposalForm } from "~/modules/proposals/proposal-action.server";
import { ProposalForm, type PlaceResult } from "~/modules/proposals/proposal-form";
import { WithdrawSchema } from "~/modules/proposals/proposal-schema";
import { ChangeRequestTable } from "~/modules/proposals/change-request-table";
import { HistoryList, ProposalView, type ProposalViewValues } from "~/modules/proposals/proposal-view";
import { BASELINE_STATUSES, EDITABLE_STATUSES } from "~/modules/proposals/proposal-store.server";
import { findVisibleHub } from "~/modules/proposals/proposals.server";
import { listChangeRequests } from "~/modules/proposals/change-requests.server";
import { listHistory } from "~/modules/proposals/reviews.server";
import { loadProposalValues, proposalFormOptions } from "~/modules/proposals/proposal-values.server";
import { canTransition, transition } from "~/modules/hubs/lifecycle.server";
import { displayStatusOf, isoToday } from "~/modules/hubs/lifecycle";
import { formFailure } from "~/modules/http/errors.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { requireCan, requirePermission } from "~/modules/permissions/permissions.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { FormErrors, TextAreaField } from "~/modules/forms/fields";
import { readFormData } from "~/modules/http/forms.server";
import { can } from "~/modules/permissions/permissions";
import { suggestPartners, type SuggestedPartner } from "~/modules/network/suggestions.server";
import type { Language } from "~/modules/i18n/config";
import { SuggestedPartnerList } from "~/modules/network/hub-network-sections";

/** Leaflet's own styles, for the optional click-to-pick map (served from the build, not a CDN). */

export const handle = { i18n: ["common", "hubs", "proposals", "validation", "calls", "network", "map"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "hub:edit");
  const hubId = idParam(params.hubId);
  const hub = requireCan(user, "hub:edit", await findVisibleHub(context.db, user, hubId));
  const [{ values }, options, goals, history, changeRequests, t] = await Promise.all([
    // The city edits the version it has asked to publish, so a further save extends its pending request.
    loadProposalValues(context.db, hubId, { withPendingChanges: true }),
    proposalFormOptions(context.db, language, hubId),
    listSdgGoals(context.db, language),
    listHistory(context.db, hubId, { includeReviews: false }),
    listChangeRequests(context.db, hubId, language),
    getTranslator(language),
  ]);
  const editable = EDITABLE_STATUSES.includes(hub.status) || BASELINE_STATUSES.includes(hub.status);
  // Suggested partners (the network module) from the saved goals, targets, theme and texts.
  const suggestions = editable && can(user, "network:suggestions") ? await suggestPartners(context.db, { hubId, language }) : null;
  return json({
    language,
    hubId,
    status: hub.status,
    // What the HUB is today (an ended HUB reads "ended, final report due", not "recognised").
    displayStatus: displayStatusOf({ status: hub.status, startDate: hub.start_date, endDate: hub.end_date }, isoToday()),
    values,
    options: { ...options, goals, organisations: options.organisations.filter((o) => o.id !== hub.lead_organisation_id) },
    history: history.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
    changeRequests,
    editable,
    suggestions,
    canSubmit: canTransition(user, hub, "submit"),
    baselineLocked: BASELINE_STATUSES.includes(hub.status),
    canWithdraw: canTransition(user, hub, "withdraw"),
    title: t("proposals:edit.title", { title: values.title ?? "" }),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "hub:edit");
  const hubId = idParam(params.hubId);
  requireCan(user, "hub:edit", await findVisibleHub(context.db, user, hubId));
  const formData = await readFormData(request);
  if (formData.get("intent") === "withdraw") {
    const submission = parseForm(formData, { schema: WithdrawSchema });
    if (submission.status !== "success") return json({ withdraw: submission.reply() }, { status: 400 });
    try {
      await transition(context.db, user, hubId, "withdraw", { comment: submission.value.comment, expectedVersion: submission.value.version });
    } catch (error) {
      const failure = formFailure(error);
      return json({ withdraw: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
    }
    return redirect(`/${language}/my/hubs/${hubId}?withdrawn=1`);
  }
  return handleProposalForm(context.db, user, language, hubId, formData);
}

/**
 * A form answer that is not a redirect (errors, a conflict, an added row, a place search) keeps the page's data:
 * reloading it would bump the form's version key, remount the form and lose what the user typed.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  if (actionResult && typeof actionResult === "object" && ("result" in actionResult || "withdraw" in actionResult)) return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData =
  | { result: SubmissionResult<string[]>; places: PlaceResult[] | null; placeQuery: string; withdraw?: undefined }
  | { withdraw: SubmissionResult<string[]>; result?: undefined };

export default function EditProposalPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["proposals", "hubs"]);
  const { language, hubId, status, values } = data;
  const notice = ["submitted", "saved", "changeRequested", "withdrawn"].find((flag) => searchParams.get(flag) === "1");
  const pending = data.changeRequests.filter((request) => request.status === "pending");
  return (
    <div className="container">
      <p>
        <Link to={`/${language}/my/hubs`}>{t("proposals:my.back")}</Link>
      </p>
      <h1 lang={values.originalLanguage}>{values.title}</h1>
      <p>
        {t("proposals:list.status")}: <span className={`status status--${data.displayStatus}`}>{t(`hubs:status.${data.displayStatus}`)}</span>
      </p>
      {notice ? (
        <p role="status" className="notice notice--success">
          {t(`proposals:notices.${notice}`)}
        </p>
      ) : null}
      {pending.length ? (
        <section aria-labelledby="pending-changes">
          <h2 id="pending-changes">{t("proposals:changes.pendingTitle")}</h2>
          <p className="notice">{t("proposals:changes.awaitingReview")}</p>
          {pending.map((request) => (
            <ChangeRequestTable key={request.id} request={request} language={language} />
          ))}
        </section>
      ) : null}
      {data.editable && data.baselineLocked ? <p className="notice">{t("proposals:edit.reviewedChanges")}</p> : null}
      {data.editable ? (
        <ProposalForm
          formId={`proposal-${hubId}-${values.version}`}
          language={language}
          lastResult={actionData?.result}
          defaultValue={values as unknown as Record<string, unknown>}
          options={data.options}
          places={actionData?.result ? actionData.places : null}
          placeQuery={actionData?.result ? actionData.placeQuery : undefined}
          canSubmit={data.canSubmit}
          baselineLocked={data.baselineLocked}
          cancelTo={`/${language}/my/hubs`}
          synchronisationHelp={data.suggestions ? <ProposalSuggestions partners={data.suggestions} language={language} /> : null}
        />
      ) : (
        <>
          <p className="notice">{t("proposals:edit.readOnly")}</p>
          <ProposalView values={values as unknown as ProposalViewValues} options={data.options} language={language} />
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("proposals:history.title")}</h2>
        <HistoryList entries={data.history} language={language} />
      </section>
      {data.changeRequests.length > pending.length ? (
        <section aria-labelledby="past-changes">
          <h2 id="past-changes">{t("proposals:changes.pastTitle")}</h2>
          {data.changeRequests
            .filter((request) => request.status !== "pending")
            .map((request) => (
              <ChangeRequestTable key={request.id} request={request} language={language} />
            ))}
        </section>
      ) : null}
      {data.canWithdraw ? <WithdrawForm version={values.version} lastResult={actionData?.withdraw} /> : null}
    </div>
  );
}

function WithdrawForm({ version, lastResult }: { version: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("proposals");
  const [form, fields] = useForm<{ version: number; comment?: string }>({ id: "withdraw", lastResult, defaultValue: { version } });
  return (
    <section aria-labelledby="withdraw-title" className="danger-zone">
      <h2 id="withdraw-title">{t("withdraw.title")}</h2>
      <p>{t("withdraw.help")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />
        <TextAreaField meta={fields.comment} label={t("withdraw.comment")} rows={3} />
        <button type="submit" name="intent" value="withdraw" className="button button--danger">
          {t("withdraw.submit")}
        </button>
      </Form>
    </section>
  );
}

/** The suggested partners in the proposal form's synchronisation part: HUBs to choose above, each with its reasons. */
function ProposalSuggestions({ partners, language }: { partners: SuggestedPartner[]; language: Language }) {
  const { t } = useTranslation("network");
  return (
    <section className="form-hint" aria-labelledby="proposal-suggestions">
      <h3 id="proposal-suggestions">{t("suggestions.heading")}</h3>
      <p>{t(partners.length ? "suggestions.proposalLead" : "suggestions.proposalNone")}</p>
      {partners.length ? <SuggestedPartnerList partners={partners} mayAsk={false} language={language} /> : null}
    </section>
  );
}
