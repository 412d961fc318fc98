import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { addNetworkEvent, listNetworkEventRows } from "~/modules/network/events.server";
import { NetworkEventSchema } from "~/modules/network/network-schema";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "network:events");
  const [events, t] = await Promise.all([listNetworkEventRows(context.db), getTranslator(language)]);
  return json({ language, events, title: t("network:adminEvents.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "network:events");
  const submission = parseForm(await readFormData(request), { schema: NetworkEventSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { unknownHubs } = await addNetworkEvent(context.db, user, submission.value);
  if (unknownHubs.length) {
    return json(submission.reply({ fieldErrors: { presentedHubs: [`network:adminEvents.unknownHubs`] } }), { status: 400 });
  }
  return redirect(`/${language}/admin/events?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function NetworkEventsAdminPage() {
  const { language, events } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("network");
  const [form, fields] = useForm({
    id: "network-event",
    lastResult,
    defaultValue: { kind: "gathering" },
    constraint: getZodConstraint(NetworkEventSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NetworkEventSchema }),
  });
  return (
    <div className="container">
      <h1>{t("adminEvents.title")}</h1>
      {searchParams.get("saved") === "1" ? (
        <p role="status" className="notice notice--success">
          {t("adminEvents.saved")}
        </p>
      ) : null}
      <section aria-labelledby="network-event-new" className="panel">
        <h2 id="network-event-new">{t("adminEvents.new")}</h2>
        <Form method="post" {...getFormProps(form)} className="form">
          <FormErrors id={form.errorId} errors={form.errors} />
          <SelectField
            meta={fields.kind}
            label={t("adminEvents.kind")}
            options={(["gathering", "congress", "network"] as const).map((kind) => ({ value: kind, label: t(`events.kinds.${kind}`) }))}
          />
          <TextField meta={fields.titleEn} label={t("adminEvents.titleEn")} />
          <TextField meta={fields.titleEs} label={t("adminEvents.titleEs")} />
          <TextField meta={fields.titleFr} label={t("adminEvents.titleFr")} />
          <TextField meta={fields.location} label={t("adminEvents.location")} />
          <div className="field-row">
            <TextField meta={fields.startsOn} type="date" label={t("adminEvents.startsOn")} />
            <TextField meta={fields.endsOn} type="date" label={t("adminEvents.endsOn")} />
          </div>
          <TextField meta={fields.url} type="url" label={t("adminEvents.url")} />
          <TextAreaField meta={fields.presentedHubs} label={t("adminEvents.presentedHubs")} help={t("adminEvents.presentedHubsHelp")} rows={4} />
          <button type="submit" className="button">
            {t("adminEvents.add")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="network-event-list">
        <h2 id="network-event-list">{t("adminEvents.list")}</h2>
        {events.length === 0 ? <p className="empty">{t("adminEvents.none")}</p> : null}
        <ul>
          {events.map((event) => (
            <li key={event.id}>
              {formatDate(event.starts_on, language)} · {event[`title_${language}`]} · {t(`events.kinds.${event.kind}`)}
              {event.location ? ` · ${event.location}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
