import type { SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_TIMELINE_YEARS } from "~/modules/calls/call-lifecycle";
import { CallForm } from "~/modules/calls/call-form";
import { callFormOptions, handleCallForm } from "~/modules/calls/call-form.server";
import { ORGANISATION_KINDS, utcMinuteValue } from "~/modules/calls/call-schema";
import { defaultCriteria } from "~/modules/calls/calls.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "calls", "accounts", "validation"] };

const DAY_MS = 86_400_000;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "call:manage");
  const [options, criteria, t] = await Promise.all([callFormOptions(context, language), defaultCriteria(), getTranslator(language)]);
  const now = Date.now();
  // A new call: the programme's default criteria, every kind of organisation, opening in a week for six weeks.
  const defaultValue = {
    originalLanguage: language,
    opensAt: utcMinuteValue(new Date(Math.ceil((now + 7 * DAY_MS) / 3_600_000) * 3_600_000)),
    closesAt: utcMinuteValue(new Date(Math.ceil((now + 49 * DAY_MS) / 3_600_000) * 3_600_000)),
    maxTimelineYears: MAX_TIMELINE_YEARS,
    eligibleKinds: [...ORGANISATION_KINDS],
    criteria,
  };
  return json({ language, ...options, defaultValue, title: t("calls:admin.new") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:manage");
  return handleCallForm(context, request, user.id, language, undefined, await readFormData(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function NewCallPage() {
  const { themes, goals, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result: SubmissionResult<string[]> } | undefined;
  const { t } = useTranslation("calls");
  return (
    <div className="container">
      <h1>{t("admin.new")}</h1>
      <p>{t("admin.newLead")}</p>
      <CallForm defaultValue={defaultValue} lastResult={actionData?.result} criteriaLocked={false} themes={themes} goals={goals} submitLabel={t("form.create")} />
    </div>
  );
}
