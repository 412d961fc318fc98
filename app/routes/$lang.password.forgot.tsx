import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { clientIp, publicOrigin } from "~/modules/accounts/route-helpers.server";
import { languageParam } from "~/modules/http/params.server";
import { consumeRateLimit, passRetryAfter, rateLimitRules, retryAfterHeaders } from "~/modules/http/rate-limit.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { ForgotPasswordSchema } from "~/modules/accounts/schemas";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { FormErrors, TextField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "accounts", "validation"] };

export const headers = passRetryAfter;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const t = await getTranslator(language);
  return json({ title: t("accounts:forgot.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const submission = parseForm(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sent: false }, { status: 400 });
  // Per IP, then per address as typed (whether or not an account has it: the answer says nothing).
  const rules = rateLimitRules(context.env);
  for (const [rule, subject] of [
    [rules.passwordResetIp, clientIp(context)],
    [rules.passwordResetAccount, submission.value.email.trim().toLowerCase()],
  ] as const) {
    const decision = await consumeRateLimit(context.db, rule, subject);
    if (!decision.allowed) {
      return json({ result: submission.reply({ formErrors: ["validation:tooManyRequests"] }), sent: false }, { status: 429, headers: retryAfterHeaders(decision) });
    }
  }
  await requestPasswordReset(context.db, submission.value.email, publicOrigin(context, request));
  sendQueuedMail(context.db, context.env.SMTP_URL);
  // The same answer whether the account exists or not.
  return json({ result: submission.reply({ resetForm: true }), sent: true });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ForgotPasswordPage() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: data?.result,
    constraint: getZodConstraint(ForgotPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <div className="container narrow">
      <h1>{t("forgot.title")}</h1>
      {data?.sent ? (
        <p className="notice" role="status">
          {t("forgot.sent")}
        </p>
      ) : (
        <p>{t("forgot.lead")}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} type="email" label={t("fields.email")} autoComplete="email" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("forgot.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
