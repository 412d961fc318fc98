import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canPublishResults, criteriaEditable } from "~/modules/calls/call-lifecycle";
import { CallForm } from "~/modules/calls/call-form";
import { callFormOptions, handleCallForm } from "~/modules/calls/call-form.server";
import { CallTransitionSchema } from "~/modules/calls/call-schema";
import { callFormValues, changeCallState, stateOf } from "~/modules/calls/calls.server";
import { CallStateBadge } from "~/modules/calls/call-view";
import { requestSource } from "~/modules/audit/audit.server";
import { FormErrors } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { formFailure } from "~/modules/http/errors.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "calls", "accounts", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "call:manage");
  const callId = idParam(params.callId);
  const [form, options, t] = await Promise.all([callFormValues(context.db, callId), callFormOptions(context, language), getTranslator(language)]);
  if (!form) notFound();
  const now = new Date();
  const state = stateOf(form.state, now);
  const times = { published: form.state.published, standing: form.state.standing, opensAt: form.state.opens_at, closesAt: form.state.closes_at, resultsPublishedAt: form.state.results_published_at };
  return json({
    language,
    callId,
    slug: form.state.slug,
    state,
    version: form.state.version,
    canPublishResults: canPublishResults(times, now),
    defaultValue: form.values,
    missing: form.missing,
    ...options,
    title: t("calls:admin.edit"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:manage");
  const callId = idParam(params.callId);
  const formData = await readFormData(request);
  if (formData.get("intent") === "save") return handleCallForm(context, request, user.id, language, callId, formData);
  const submission = parseForm(formData, { schema: CallTransitionSchema });
  if (submission.status !== "success") return json({ transitionError: "validation:invalid" }, { status: 400 });
  try {
    await changeCallState(context.db, user.id, callId, submission.value.intent, submission.value.version, new Date(), requestSource(context, request));
  } catch (error) {
    const failure = formFailure(error);
    return json({ transitionError: failure.message }, { status: failure.status });
  }
  return redirect(`/${language}/admin/calls/${callId}?moved=${submission.value.intent}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { result?: SubmissionResult<string[]>; transitionError?: string } | undefined;

export default function EditCallPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("calls");
  const { language, state } = data;
  const transitions = [
    state === "draft" ? "schedule" : null,
    state === "scheduled" ? "unschedule" : null,
    state === "open" ? "close" : null,
    data.canPublishResults ? "publishResults" : null,
  ].filter((value): value is string => value !== null);
  return (
    <div className="container">
      <p>
        <Link to={`/${language}/admin/calls`}>{t("admin.back")}</Link>
      </p>
      <h1>{t("admin.edit")}</h1>
      <p>
        <CallStateBadge state={state} />{" "}
        {state !== "draft" ? <Link to={`/${language}/calls/${data.slug}`}>{t("admin.publicPage")}</Link> : null}{" "}
        <Link to={`/${language}/admin/calls/${data.callId}/evaluation`}>{t("admin.evaluation")}</Link>
      </p>
      {searchParams.get("saved") ? (
        <p role="status" className="notice notice--success">
          {t("admin.saved")}
        </p>
      ) : null}
      {searchParams.get("moved") ? (
        <p role="status" className="notice notice--success">
          {t("admin.moved")}
        </p>
      ) : null}
      {transitions.length ? (
        <section aria-labelledby="call-lifecycle" className="panel">
          <h2 id="call-lifecycle">{t("admin.lifecycle")}</h2>
          <FormErrors errors={actionData?.transitionError ? [actionData.transitionError] : undefined} />
          {transitions.map((intent) => (
            <Form key={intent} method="post" className="inline-form">
              <input type="hidden" name="version" value={data.version} />
              <button type="submit" name="intent" value={intent} className="button">
                {t(`admin.transitions.${intent}`)}
              </button>
              <p className="field-help">{t(`admin.transitionsHelp.${intent}`)}</p>
            </Form>
          ))}
        </section>
      ) : null}
      {state !== "results_published" ? (
        <CallForm
          defaultValue={data.defaultValue}
          lastResult={actionData?.result}
          missing={data.missing}
          criteriaLocked={!criteriaEditable(state)}
          themes={data.themes}
          goals={data.goals}
          submitLabel={t("form.save")}
        />
      ) : (
        <p>{t("admin.finished")}</p>
      )}
    </div>
  );
}
