import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginSchema } from "~/modules/accounts/login";
import { attemptLogin } from "~/modules/accounts/login.server";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { getSessionUser, safeRedirect, sessionCookieHeader } from "~/modules/accounts/session.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { FormErrors, TextField } from "~/modules/forms/fields";
import { readFormData } from "~/modules/http/forms.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/${language}`);
  if (await getSessionUser(context, request)) throw redirect(redirectTo);
  const t = await getTranslator(language);
  const passwordReset = new URL(request.url).searchParams.get("reset") === "1";
  return json({ redirectTo, language, passwordReset, title: t("accounts:login.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const submission = parseForm(await readFormData(request), { schema: LoginSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await attemptLogin(context.db, {
    email: submission.value.email,
    password: submission.value.password,
    ip: clientIp(context),
    userAgent: request.headers.get("user-agent"),
  });
  if (!result.ok) {
    // The failure may have locked the account: its owner's notice goes out now.
    sendQueuedMail(context.db, context.env.SMTP_URL);
    // Same words whether the account exists, the password is wrong or the attempts are throttled.
    return json(submission.reply({ formErrors: ["accounts:login.failed"], hideFields: ["password"] }), { status: 400 });
  }
  const cookie = await sessionCookieHeader(context.env, result.token);
  const redirectTo = safeRedirect(submission.value.redirectTo, `/${language}`);
  // Two-factor on: the password opened a session that awaits the code (see $lang.login_.code.tsx).
  if (result.codeNeeded) return redirect(`/${language}/login/code?${new URLSearchParams({ redirectTo })}`, { headers: { "Set-Cookie": cookie } });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function LoginPage() {
  const { redirectTo, language, passwordReset } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="container narrow">
      <h1>{t("login.title")}</h1>
      {passwordReset ? (
        <p className="notice" role="status">
          {t("login.resetDone")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} type="email" label={t("login.email")} autoComplete="email" />
        <TextField meta={fields.password} type="password" label={t("login.password")} autoComplete="current-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
      <ul className="login-links">
        <li>
          <Link to={`/${language}/password/forgot`}>{t("login.forgot")}</Link>
        </li>
        <li>
          <Link to={`/${language}/signup`}>{t("login.signup")}</Link>
        </li>
      </ul>
    </div>
  );
}
