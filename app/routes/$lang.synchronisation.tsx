import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { formFailure } from "~/modules/http/errors.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { badRequest } from "~/modules/http/responses.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { JointProductSchema, SyncAnswerSchema, SyncRequestSchema } from "~/modules/network/network-schema";
import { addJointProduct, answerSyncRequest, requestSynchronisation, syncOverview, type SyncRequestView } from "~/modules/network/synchronisation.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

/** /{lang}/synchronisation: a city's requests to synchronise its HUBs with others, both ways. `?with=slug` fills the form. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "network:sync");
  const [overview, t] = await Promise.all([syncOverview(context.db, user, language), getTranslator(language)]);
  return json({ language, ...overview, title: t("network:sync.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "network:sync");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "request") {
    const submission = parseForm(formData, { schema: SyncRequestSchema });
    if (submission.status !== "success") return json({ form: "request", result: submission.reply() }, { status: 400 });
    try {
      const outcome = await requestSynchronisation(context.db, user, submission.value);
      if (!outcome.ok) return json({ form: "request", result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 400 });
    } catch (error) {
      const failure = formFailure(error);
      return json({ form: "request", result: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
    }
    return redirect(`/${language}/synchronisation?sent=1`);
  }
  if (intent === "answer") {
    const submission = parseForm(formData, { schema: SyncAnswerSchema });
    const form = `answer-${String(formData.get("requestId") ?? "")}`;
    if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
    try {
      await answerSyncRequest(context.db, user, submission.value);
    } catch (error) {
      const failure = formFailure(error, { conflictMessage: "network:sync.errors.answered" });
      return json({ form, result: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
    }
    return redirect(`/${language}/synchronisation?${submission.value.decision === "accept" ? "accepted" : "declined"}=1`);
  }
  if (intent === "product") {
    const submission = parseForm(formData, { schema: JointProductSchema });
    const form = `product-${String(formData.get("requestId") ?? "")}`;
    if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
    try {
      await addJointProduct(context.db, user, submission.value);
    } catch (error) {
      const failure = formFailure(error);
      return json({ form, result: submission.reply({ formErrors: [failure.message] }) }, { status: failure.status });
    }
    return redirect(`/${language}/synchronisation?product=1`);
  }
  badRequest();
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { form: string; result: SubmissionResult<string[]> } | undefined;

export default function SynchronisationPage() {
  const { language, ownHubs, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("network");
  const notice = ["sent", "accepted", "declined", "product"].find((flag) => searchParams.get(flag) === "1");
  const incoming = requests.filter((request) => request.incoming && request.status === "pending");
  const outgoing = requests.filter((request) => !request.incoming && request.status === "pending");
  const accepted = requests.filter((request) => request.status === "accepted");
  const closed = requests.filter((request) => request.status === "declined" || request.status === "withdrawn");
  const resultOf = (form: string) => (actionData?.form === form ? actionData.result : undefined);
  return (
    <div className="container">
      <h1>{t("sync.title")}</h1>
      <p>{t("sync.lead")}</p>
      {notice ? (
        <p role="status" className="notice notice--success">
          {t(`sync.notices.${notice}`)}
        </p>
      ) : null}

      <section aria-labelledby="sync-incoming">
        <h2 id="sync-incoming">{t("sync.incoming")}</h2>
        {incoming.length === 0 ? <p className="empty">{t("sync.noIncoming")}</p> : null}
        {incoming.map((request) => (
          <article key={request.id} className="panel" aria-labelledby={`sync-request-${request.id}`}>
            <h3 id={`sync-request-${request.id}`}>{t("sync.asks", { from: request.fromTitle, to: request.toTitle })}</h3>
            <RequestFacts request={request} language={language} />
            <AnswerForm request={request} lastResult={resultOf(`answer-${request.id}`)} />
          </article>
        ))}
      </section>

      <section aria-labelledby="sync-new">
        <h2 id="sync-new">{t("sync.newTitle")}</h2>
        {ownHubs.length === 0 ? (
          <p className="empty">{t("sync.noOwnHub")}</p>
        ) : (
          <RequestForm ownHubs={ownHubs} toHub={searchParams.get("with") ?? ""} lastResult={resultOf("request")} />
        )}
      </section>

      <section aria-labelledby="sync-outgoing">
        <h2 id="sync-outgoing">{t("sync.outgoing")}</h2>
        {outgoing.length === 0 ? <p className="empty">{t("sync.noOutgoing")}</p> : null}
        <ul>
          {outgoing.map((request) => (
            <li key={request.id}>
              {t("sync.asks", { from: request.fromTitle, to: request.toTitle })} · {t("sync.sentOn", { date: formatDate(request.createdAt.slice(0, 10), language) })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sync-accepted">
        <h2 id="sync-accepted">{t("sync.acceptedTitle")}</h2>
        {accepted.length === 0 ? <p className="empty">{t("sync.noAccepted")}</p> : null}
        {accepted.map((request) => (
          <article key={request.id} className="panel" aria-labelledby={`sync-pair-${request.id}`}>
            <h3 id={`sync-pair-${request.id}`}>{t("sync.pair", { from: request.fromTitle, to: request.toTitle })}</h3>
            <RequestFacts request={request} language={language} />
            <ProductForm request={request} lastResult={resultOf(`product-${request.id}`)} />
          </article>
        ))}
      </section>

      {closed.length > 0 ? (
        <section aria-labelledby="sync-closed">
          <h2 id="sync-closed">{t("sync.closedTitle")}</h2>
          <ul>
            {closed.map((request) => (
              <li key={request.id}>
                {t("sync.asks", { from: request.fromTitle, to: request.toTitle })} · {t(`sync.status.${request.status}`)}
                {request.decisionComment ? ` · ${request.decisionComment}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function RequestFacts({ request, language }: { request: SyncRequestView; language: string }) {
  const { t } = useTranslation("network");
  return (
    <dl className="facts">
      {request.jointActivity ? (
        <div>
          <dt>{t("sync.jointActivity")}</dt>
          <dd>{request.jointActivity}</dd>
        </div>
      ) : null}
      {request.message ? (
        <div>
          <dt>{t("sync.message")}</dt>
          <dd className="pre-line">{request.message}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("sync.hubs")}</dt>
        <dd>
          <a href={`/${language}/hubs/${request.fromSlug}`}>{request.fromTitle}</a> · <a href={`/${language}/hubs/${request.toSlug}`}>{request.toTitle}</a>
        </dd>
      </div>
    </dl>
  );
}

function RequestForm({ ownHubs, toHub, lastResult }: { ownHubs: { id: number; title: string }[]; toHub: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("network");
  const [form, fields] = useForm({
    id: "sync-request",
    lastResult,
    defaultValue: { fromHubId: ownHubs.length === 1 ? String(ownHubs[0].id) : "", toHub },
    constraint: getZodConstraint(SyncRequestSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SyncRequestSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="request" />
      <SelectField meta={fields.fromHubId} label={t("sync.fromHub")} options={ownHubs.map((hub) => ({ value: String(hub.id), label: hub.title }))} placeholder={t("sync.choose")} />
      <TextField meta={fields.toHub} label={t("sync.toHub")} help={t("sync.toHubHelp")} />
      <TextField meta={fields.jointActivity} label={t("sync.jointActivity")} help={t("sync.jointActivityHelp")} />
      <TextAreaField meta={fields.message} label={t("sync.message")} rows={4} />
      <button type="submit" className="button">
        {t("sync.send")}
      </button>
    </Form>
  );
}

function AnswerForm({ request, lastResult }: { request: SyncRequestView; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("network");
  const [form, fields] = useForm({
    id: `answer-${request.id}`,
    lastResult,
    constraint: getZodConstraint(SyncAnswerSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="requestId" value={request.id} />
      <input type="hidden" name="version" value={request.version} />
      <TextField meta={fields.comment} label={t("sync.comment")} />
      <div className="actions">
        <button type="submit" name="decision" value="accept" className="button">
          {t("sync.accept")}
        </button>
        <button type="submit" name="decision" value="decline" className="button button--secondary">
          {t("sync.decline")}
        </button>
      </div>
    </Form>
  );
}

function ProductForm({ request, lastResult }: { request: SyncRequestView; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("network");
  const [form, fields] = useForm({
    id: `product-${request.id}`,
    lastResult,
    defaultValue: { kind: "publication" },
    constraint: getZodConstraint(JointProductSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JointProductSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <h4>{t("sync.productTitle")}</h4>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="product" />
      <input type="hidden" name="requestId" value={request.id} />
      <SelectField
        meta={fields.kind}
        label={t("sync.productKind")}
        options={[
          { value: "publication", label: t("sync.kinds.publication") },
          { value: "tool", label: t("sync.kinds.tool") },
        ]}
      />
      <TextField meta={fields.title} label={t("sync.productName")} />
      <TextField meta={fields.url} type="url" label={t("sync.productUrl")} />
      <button type="submit" className="button button--secondary">
        {t("sync.addProduct")}
      </button>
    </Form>
  );
}
