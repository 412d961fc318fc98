import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attemptSecondFactor } from "~/modules/accounts/login.server";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { completeSecondFactor, getPendingSecondFactor, safeRedirect } from "~/modules/accounts/session.server";
import { SignInCodeSchema } from "~/modules/accounts/two-factor";
import { FormErrors, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

/** The second step of signing in: the code of the authenticator app (or a recovery code) after the password. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${language}`);
  if (!(await getPendingSecondFactor(context, request))) throw redirect(`/${language}/login?${new URLSearchParams({ redirectTo })}`);
  const t = await getTranslator(language);
  return json({ redirectTo, title: t("accounts:signInCode.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const submission = parseForm(await readFormData(request), { schema: SignInCodeSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const pending = await getPendingSecondFactor(context, request);
  if (!pending) throw redirect(`/${language}/login`);
  const result = await attemptSecondFactor(context.db, {
    userId: pending.userId,
    code: submission.value.code,
    ip: clientIp(context),
    userAgent: request.headers.get("user-agent"),
    purpose: "login",
  });
  // Same words for a wrong, a replayed or a throttled code (a lock's notice goes out now).
  if (!result.ok) sendQueuedMail(context.db, context.env.SMTP_URL);
  if (!result.ok) return json(submission.reply({ fieldErrors: { code: ["accounts:signInCode.failed"] }, hideFields: ["code"] }), { status: 400 });
  await completeSecondFactor(context.db, pending.sessionId);
  const redirectTo = safeRedirect(submission.value.redirectTo, `/${language}`);
  // A recovery code was used: the two-factor page says how many are left and how to move to a new device.
  if (result.kind === "recovery") throw redirect(`/${language}/account/two-factor?recovered=1`);
  throw redirect(redirectTo);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function SignInCodePage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult,
    constraint: getZodConstraint(SignInCodeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInCodeSchema }),
  });
  return (
    <div className="container narrow">
      <h1>{t("signInCode.title")}</h1>
      <p>{t("signInCode.lead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.code} label={t("signInCode.code")} help={t("signInCode.codeHelp")} autoComplete="one-time-code" inputMode="numeric" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("signInCode.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
