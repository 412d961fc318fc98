import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSessionUser } from "~/modules/accounts/session.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { rateLimitRules } from "~/modules/http/rate-limit.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { createThread, listThreads } from "~/modules/network/exchange.server";
import { ThreadSchema } from "~/modules/network/network-schema";
import { can } from "~/modules/permissions/permissions";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

/** /{lang}/exchange: the threads a visitor may read (public ones for anyone), reader's language first; `?q=` searches. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const viewer = await getSessionUser(context, request);
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 200) || undefined;
  const [threads, t] = await Promise.all([listThreads(context.db, viewer, { language, q }), getTranslator(language)]);
  return json({ language, q: q ?? "", threads, signedIn: viewer !== null, mayPost: can(viewer, "exchange:post"), moderator: can(viewer, "exchange:moderate"), title: t("network:exchange.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "exchange:post");
  const submission = parseForm(await readFormData(request), { schema: ThreadSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const outcome = await createThread(context.db, user, rateLimitRules(context.env).exchangePost, submission.value);
  if ("refused" in outcome) {
    return json(submission.reply({ formErrors: [`network:exchange.refused.${outcome.refused}`] }), { status: outcome.refused === "rateLimited" ? 429 : 403 });
  }
  return redirect(`/${language}/exchange/${outcome.threadId}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ExchangePage() {
  const { language, q, threads, signedIn, mayPost, moderator } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["network", "common"]);
  const [form, fields] = useForm({
    id: "new-thread",
    lastResult,
    defaultValue: { language, topicKind: "general" },
    constraint: getZodConstraint(ThreadSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThreadSchema }),
  });
  return (
    <div className="container">
      <h1>{t("exchange.title")}</h1>
      <p>{t(signedIn ? "exchange.lead" : "exchange.leadPublic")}</p>
      {moderator ? (
        <p>
          <Link to={`/${language}/admin/exchange-reports`}>{t("exchangeReports.title")}</Link>
        </p>
      ) : null}
      <Form method="get" role="search" aria-label={t("exchange.search")} className="form">
        <div className="field">
          <label htmlFor="exchange-q">{t("exchange.search")}</label>
          <input id="exchange-q" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button">
          {t("exchange.searchButton")}
        </button>
      </Form>
      {threads.length === 0 ? <p className="empty">{t("exchange.none")}</p> : null}
      <ul className="thread-list">
        {threads.map((thread) => (
          <li key={thread.id} lang={thread.language}>
            <a href={`/${language}/exchange/${thread.id}`}>{thread.title}</a>{" "}
            <span className="thread-list__meta" lang={language}>
              · {t(`common:languages.${thread.language}`)} · {t(`exchange.topics.${thread.topicKind}`)}
              {thread.topicRef ? ` ${thread.topicRef}` : ""} · {t("exchange.posts", { count: thread.posts })} · {formatDate(thread.lastPostAt.slice(0, 10), language)}
              {thread.pinned ? ` · ${t("exchange.pinned")}` : ""}
              {thread.locked ? ` · ${t("exchange.locked")}` : ""}
              {thread.isPublic ? ` · ${t("exchange.public")}` : ""}
              {thread.hidden ? ` · ${t("exchange.hidden")}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {mayPost ? (
        <section aria-labelledby="exchange-new-thread" className="panel">
          <h2 id="exchange-new-thread">{t("exchange.newThread")}</h2>
          <Form method="post" {...getFormProps(form)} className="form">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="thread" />
            <TextField meta={fields.title} label={t("exchange.threadTitle")} />
            <div className="field-row">
              <SelectField
                meta={fields.topicKind}
                label={t("exchange.topic")}
                options={(["general", "sdg", "theme", "region", "hub"] as const).map((kind) => ({ value: kind, label: t(`exchange.topics.${kind}`) }))}
              />
              <TextField meta={fields.topicRef} label={t("exchange.topicRef")} help={t("exchange.topicRefHelp")} />
              <SelectField
                meta={fields.language}
                label={t("exchange.language")}
                options={(["en", "es", "fr"] as const).map((value) => ({ value, label: t(`common:languages.${value}`) }))}
              />
            </div>
            <TextAreaField meta={fields.body} label={t("exchange.body")} help={t("exchange.bodyHelp")} rows={6} />
            {moderator ? (
              <div className="field field--checkbox">
                <input id="new-thread-announcement" type="checkbox" name="announcement" value="on" />
                <label htmlFor="new-thread-announcement">{t("exchange.announcement")}</label>
              </div>
            ) : null}
            <button type="submit" className="button">
              {t("exchange.open")}
            </button>
          </Form>
        </section>
      ) : signedIn ? (
        <p className="notice">{t("exchange.refused.unverified")}</p>
      ) : null}
    </div>
  );
}
