import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { findCadenceHub, getCadence, setCadence } from "~/modules/progress/cadence.server";
import { reportingPeriods } from "~/modules/progress/calendar";
import { CadenceSchema } from "~/modules/progress/progress-form";
import { formFailure } from "~/modules/http/errors.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { FormErrors, TextField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "monitoring", "validation"] };

async function load(context: AppLoadContext, request: Request, params: { lang?: string; hubId?: string }) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "progress:cadence");
  const hub = await findCadenceHub(context.db, idParam(params.hubId), language);
  if (!hub) notFound();
  return { language, user, hub };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { language, hub } = await load(context, request, params);
  const [cadence, t] = await Promise.all([getCadence(context.db, hub.id), getTranslator(language)]);
  return json({
    language,
    hub,
    cadence,
    today: isoToday(),
    periods: reportingPeriods({ startDate: hub.start_date, endDate: hub.end_date, intervalMonths: cadence.intervalMonths }),
    title: t("monitoring:cadence.title", { hub: hub.title }),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { language, user, hub } = await load(context, request, params);
  const submission = parseForm(await request.formData(), { schema: CadenceSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    await setCadence(context.db, { hubId: hub.id, intervalMonths: submission.value.intervalMonths, version: submission.value.version ?? 0, user });
  } catch (error) {
    const failure = formFailure(error);
    return json(submission.reply({ formErrors: [failure.message] }), { status: failure.status });
  }
  return redirect(`/${language}/council/hubs/${hub.id}/cadence?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function CadencePage() {
  const { language, hub, cadence, periods } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("monitoring");
  const [form, fields] = useForm({
    id: "cadence",
    lastResult,
    constraint: getZodConstraint(CadenceSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CadenceSchema }),
    defaultValue: { intervalMonths: String(cadence.intervalMonths) },
  });
  return (
    <div className="container narrow">
      <p>
        <Link to={`/${language}/council`}>{t("update.backToDashboard")}</Link>
      </p>
      <h1>{t("cadence.title", { hub: hub.title })}</h1>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={cadence.version} />
        <TextField meta={fields.intervalMonths} type="number" inputMode="numeric" label={t("cadence.interval")} help={t("cadence.help")} />
        <div>
          <button type="submit" className="button">
            {t("cadence.save")}
          </button>
        </div>
      </Form>
      <h2>{t("cadence.calendar")}</h2>
      <ol>
        {periods.map((period) => (
          <li key={`${period.kind}-${period.dueDate}`}>
            {t(period.kind === "final" ? "period.final" : "period.progress", { start: formatDate(period.start, language), end: formatDate(period.end, language) })} ·{" "}
            {t("form.dueOn", { date: formatDate(period.dueDate, language) })}
          </li>
        ))}
      </ol>
    </div>
  );
}
