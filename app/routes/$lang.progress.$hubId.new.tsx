import { parseForm } from "~/modules/forms/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AppLoadContext } from "@remix-run/node";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { periodKey } from "~/modules/progress/calendar";
import { ProgressUpdateSchema } from "~/modules/progress/progress-form";
import { ProgressUpdateForm } from "~/modules/progress/progress-update-form";
import { createUpdate, findCityHub, findUpdateForPeriod, listOutcomes } from "~/modules/progress/progress.server";
import { listHubCalendars } from "~/modules/progress/hub-calendars.server";
import { formFailure } from "~/modules/http/errors.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";

export const handle = { i18n: ["common", "monitoring", "validation"] };

async function loadPeriod(context: AppLoadContext, request: Request, params: { lang?: string; hubId?: string }) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "progress:submit");
  const hub = await findCityHub(context.db, user, idParam(params.hubId), language);
  if (!hub) notFound();
  const key = new URL(request.url).searchParams.get("period");
  const [calendar] = await listHubCalendars(context.db, { today: isoToday(), hubIds: [hub.id] });
  const period = calendar?.calendar.open.find((candidate) => periodKey(candidate) === key);
  if (!period) notFound();
  const existing = await findUpdateForPeriod(context.db, hub.id, period);
  return { language, user, hub, period, existing };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { language, hub, period, existing } = await loadPeriod(context, request, params);
  if (existing) throw redirect(`/${language}/progress/updates/${existing.id}`);
  const [outcomes, t] = await Promise.all([listOutcomes(context.db, hub.id), getTranslator(language)]);
  return json({ language, hub, period, outcomes, title: t("monitoring:form.newTitle", { hub: hub.title }) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { language, user, hub, period, existing } = await loadPeriod(context, request, params);
  const submission = parseForm(await request.formData(), { schema: ProgressUpdateSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (existing) return json(submission.reply({ formErrors: ["validation:conflict"] }), { status: 409 });
  try {
    // The narrative is in the language of the page it was written on; translations go beside it.
    const id = await createUpdate(context.db, { hub, period, user, input: submission.value, language });
    sendQueuedMail(context.db, context.env.SMTP_URL);
    return redirect(`/${language}/progress/updates/${id}?${new URLSearchParams({ done: submission.value.intent })}`);
  } catch (error) {
    const failure = formFailure(error);
    return json(submission.reply({ formErrors: [failure.message] }), { status: failure.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function NewProgressUpdatePage() {
  const { language, hub, period, outcomes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("monitoring");
  return (
    <div className="container">
      <h1>{t("form.newTitle", { hub: hub.title })}</h1>
      <p className="lead">
        {t(period.kind === "final" ? "period.final" : "period.progress", { start: formatDate(period.start, language), end: formatDate(period.end, language) })} ·{" "}
        {t("form.dueOn", { date: formatDate(period.dueDate, language, "long") })}
      </p>
      <ProgressUpdateForm outcomes={outcomes} defaults={{}} originalLanguage={language} lastResult={lastResult} language={language} />
    </div>
  );
}
