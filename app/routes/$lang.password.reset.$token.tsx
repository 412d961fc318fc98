import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { passwordProblem } from "~/modules/accounts/password-policy.server";
import { resetPassword, resetTokenState } from "~/modules/accounts/password-reset.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { ResetPasswordSchema } from "~/modules/accounts/schemas";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { FormErrors, TextField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "accounts", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const t = await getTranslator(language);
  const state = await resetTokenState(context.db, params.token ?? "");
  return json({ language, status: state.status, title: t("accounts:reset.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const token = params.token ?? "";
  const submission = parseForm(await request.formData(), { schema: ResetPasswordSchema });
  const hidden = { hideFields: ["password", "passwordConfirm"] };
  if (submission.status !== "success") return json(submission.reply(hidden), { status: 400 });
  const state = await resetTokenState(context.db, token);
  if (state.status !== "valid") return json(submission.reply({ ...hidden, formErrors: [`accounts:reset.${state.status}`] }), { status: 400 });
  const problem = passwordProblem(submission.value.password, state.email);
  if (problem) return json(submission.reply({ ...hidden, fieldErrors: { password: [problem] } }), { status: 400 });
  const done = await resetPassword(context.db, token, submission.value.password);
  if (done.status !== "valid") return json(submission.reply({ ...hidden, formErrors: [`accounts:reset.${done.status}`] }), { status: 400 });
  return redirect(`/${language}/login?reset=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ResetPasswordPage() {
  const { status, language } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  if (status !== "valid") {
    return (
      <div className="container narrow">
        <h1>{t("reset.title")}</h1>
        <p className="notice notice--error">{t(`reset.${status}`)}</p>
        <p>
          <Link to={`/${language}/password/forgot`}>{t("reset.again")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.password} type="password" label={t("fields.newPassword")} help={t("password.rules")} autoComplete="new-password" />
        <TextField meta={fields.passwordConfirm} type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("reset.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
