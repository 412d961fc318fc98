import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listThemes, saveTheme } from "~/modules/hubs/themes.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ThemeSchema } from "~/modules/proposals/proposal-schema";
import { languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { FormErrors, TextField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "proposals", "review", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:themes");
  const [themes, t] = await Promise.all([
    listThemes(context.db),
    getTranslator(language),
  ]);
  return json({ language, themes, title: t("review:themes.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "admin:themes");
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: ThemeSchema });
  const formId = String(formData.get("formId") ?? "theme-new");
  if (submission.status !== "success") return json({ formId, result: submission.reply() }, { status: 400 });
  const outcome = await saveTheme(context.db, user.id, submission.value);
  if (outcome === "slugTaken") return json({ formId, result: submission.reply({ fieldErrors: { slug: ["review:themes.slugTaken"] } }) }, { status: 400 });
  if (outcome === "notFound") notFound();
  return redirect(`/${language}/admin/themes?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type ActionData = { formId: string; result: SubmissionResult<string[]> } | undefined;

export default function ThemesPage() {
  const { themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("review");
  return (
    <div className="container">
      <h1>{t("themes.title")}</h1>
      <p>{t("themes.lead")}</p>
      {searchParams.get("saved") === "1" ? (
        <p role="status" className="notice notice--success">
          {t("themes.saved")}
        </p>
      ) : null}
      {themes.map((theme) => (
        <ThemeForm
          key={theme.id}
          formId={`theme-${theme.id}`}
          heading={theme.name_en}
          defaultValue={{ id: theme.id, slug: theme.slug, nameEn: theme.name_en, nameEs: theme.name_es, nameFr: theme.name_fr, position: theme.position }}
          lastResult={actionData?.formId === `theme-${theme.id}` ? actionData.result : undefined}
        />
      ))}
      <ThemeForm
        formId="theme-new"
        heading={t("themes.new")}
        defaultValue={{ position: themes.length }}
        lastResult={actionData?.formId === "theme-new" ? actionData.result : undefined}
      />
    </div>
  );
}

function ThemeForm({
  formId,
  heading,
  defaultValue,
  lastResult,
}: {
  formId: string;
  heading: string;
  defaultValue: Record<string, string | number>;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("review");
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(ThemeSchema),
    shouldValidate: "onBlur",
    // Errors clear as the user types, not on blur: a blur that removed an error would move the submit button under the pointer.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThemeSchema }),
  });
  return (
    <section aria-labelledby={`${formId}-title`} className="panel">
      <h2 id={`${formId}-title`}>{heading}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="formId" value={formId} />
        {defaultValue.id !== undefined ? <input type="hidden" name={fields.id.name} value={defaultValue.id} /> : null}
        <div className="field-row">
          <TextField meta={fields.slug} label={t("themes.slug")} help={t("themes.slugHelp")} />
          <TextField meta={fields.position} type="number" label={t("themes.position")} />
        </div>
        <TextField meta={fields.nameEn} label={t("themes.nameEn")} />
        <TextField meta={fields.nameEs} label={t("themes.nameEs")} />
        <TextField meta={fields.nameFr} label={t("themes.nameFr")} />
        <button type="submit" className="button">
          {t("themes.save")}
        </button>
      </Form>
    </section>
  );
}
