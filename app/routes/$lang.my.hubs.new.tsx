import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { handleProposalForm } from "~/modules/proposals/proposal-action.server";
import { ProposalForm, type PlaceResult } from "~/modules/proposals/proposal-form";
import { proposalFormOptions } from "~/modules/proposals/proposal-values.server";
import { languageParam, parseId } from "~/modules/http/params.server";
import { initialCallFor } from "~/modules/calls/calls.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";
import { getOrganisation } from "~/modules/accounts/organisations.server";
import { readFormData } from "~/modules/http/forms.server";

/** Leaflet's own styles, for the optional click-to-pick map (served from the build, not a CDN). */

export const handle = { i18n: ["common", "hubs", "proposals", "validation", "calls"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "hub:propose");
  const requestedCall = parseId(new URL(request.url).searchParams.get("call"));
  const [options, goals, t, organisation, callId] = await Promise.all([
    proposalFormOptions(context.db, language),
    listSdgGoals(context.db, language),
    getTranslator(language),
    getOrganisation(context.db, user.organisationId!),
    initialCallFor(context.db, requestedCall, new Date()),
  ]);
  return json({
    language,
    options: { ...options, goals, organisations: options.organisations.filter((o) => o.id !== user.organisationId) },
    // The lead organisation's own point is a sensible starting location.
    // The call it answers: the one the city came from, or the only open call (app/modules/calls).
    defaultValue: { callId: callId === undefined ? undefined : String(callId), originalLanguage: language, latitude: organisation.latitude, longitude: organisation.longitude, outcomes: [{}] },
    title: t("proposals:new.title"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "hub:propose");
  return handleProposalForm(context.db, user, language, undefined, await readFormData(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function NewProposalPage() {
  const { language, options, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result: SubmissionResult<string[]>; places: PlaceResult[] | null; placeQuery: string } | undefined;
  const { t } = useTranslation("proposals");
  return (
    <div className="container">
      <h1>{t("new.title")}</h1>
      <p>{t("new.lead")}</p>
      <ProposalForm
        formId="proposal-new"
        language={language}
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        options={options}
        places={actionData?.places}
        placeQuery={actionData?.placeQuery}
        canSubmit
        baselineLocked={false}
        cancelTo={`/${language}/my/hubs`}
      />
    </div>
  );
}
