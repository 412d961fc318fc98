import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { PolicyCouncilSchema } from "~/modules/network/network-schema";
import { listPolicyCouncilRows, updatePolicyCouncil } from "~/modules/network/policy-councils.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "network:councils");
  const [councils, t] = await Promise.all([listPolicyCouncilRows(context.db), getTranslator(language)]);
  return json({ language, councils, title: t("network:councils.adminTitle") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "network:councils");
  const formData = await readFormData(request);
  const submission = parseForm(formData, { schema: PolicyCouncilSchema });
  const formId = `council-${String(formData.get("id") ?? "")}`;
  if (submission.status !== "success") return json({ formId, result: submission.reply() }, { status: 400 });
  const outcome = await updatePolicyCouncil(context.db, user.id, submission.value);
  if (outcome === "notFound") notFound();
  if (outcome === "conflict") return json({ formId, result: submission.reply({ formErrors: ["validation:conflict"] }) }, { status: 409 });
  return redirect(`/${language}/admin/policy-councils?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { formId: string; result: SubmissionResult<string[]> } | undefined;

export default function PolicyCouncilsPage() {
  const { councils, language } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("network");
  return (
    <div className="container">
      <h1>{t("councils.adminTitle")}</h1>
      <p>{t("councils.adminLead")}</p>
      {searchParams.get("saved") === "1" ? (
        <p role="status" className="notice notice--success">
          {t("councils.saved")}
        </p>
      ) : null}
      {councils.map((council) => (
        <CouncilForm
          key={council.id}
          formId={`council-${council.id}`}
          heading={council[`name_${language}`]}
          defaultValue={{ id: council.id, version: council.version, nameEn: council.name_en, nameEs: council.name_es, nameFr: council.name_fr, position: council.position }}
          lastResult={actionData?.formId === `council-${council.id}` ? actionData.result : undefined}
        />
      ))}
    </div>
  );
}

function CouncilForm({
  formId,
  heading,
  defaultValue,
  lastResult,
}: {
  formId: string;
  heading: string;
  defaultValue: { id: number; version: number; nameEn: string; nameEs: string; nameFr: string; position: number };
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("network");
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(PolicyCouncilSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PolicyCouncilSchema }),
  });
  return (
    <section aria-labelledby={`${formId}-title`} className="panel">
      <h2 id={`${formId}-title`}>{heading}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name={fields.id.name} value={defaultValue.id} />
        <input type="hidden" name={fields.version.name} value={defaultValue.version} />
        <TextField meta={fields.nameEn} label={t("councils.nameEn")} />
        <TextField meta={fields.nameEs} label={t("councils.nameEs")} />
        <TextField meta={fields.nameFr} label={t("councils.nameFr")} />
        <TextField meta={fields.position} type="number" label={t("councils.position")} />
        <button type="submit" className="button">
          {t("councils.save")}
        </button>
      </Form>
    </section>
  );
}
