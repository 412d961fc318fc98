import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { membershipOf } from "~/modules/accounts/organisations.server";
import { changePassword, isCurrentPassword } from "~/modules/accounts/users.server";
import { passwordProblem } from "~/modules/accounts/password-policy.server";
import { languageParam } from "~/modules/http/params.server";
import { consumeRateLimit, passRetryAfter, rateLimitRules, retryAfterHeaders } from "~/modules/http/rate-limit.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { ChangePasswordSchema } from "~/modules/accounts/schemas";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { FormErrors, TextField } from "~/modules/forms/fields";
import { readFormData } from "~/modules/http/forms.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

export const headers = passRetryAfter;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const t = await getTranslator(language);
  const membership = await membershipOf(context.db, user);
  const welcome = new URL(request.url).searchParams.get("welcome") === "1";
  return json({
    title: t("accounts:account.title"),
    language,
    welcome,
    user: { displayName: user.displayName, email: user.email, role: user.role, language: user.preferredLanguage },
    organisation: membership.organisation
      ? {
          name: membership.organisation.name,
          verifiedOn: membership.organisation.verified_at ? formatDate(new Date(membership.organisation.verified_at).toISOString(), language) : null,
        }
      : null,
    request: membership.request ? { status: membership.request.status, organisationName: membership.request.organisation_name } : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const submission = parseForm(await readFormData(request), { schema: ChangePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "password", "passwordConfirm"] };
  if (submission.status !== "success") return json({ result: submission.reply(hidden), changed: false }, { status: 400 });
  const decision = await consumeRateLimit(context.db, rateLimitRules(context.env).currentPassword, String(user.id));
  if (!decision.allowed) {
    return json({ result: submission.reply({ ...hidden, formErrors: ["validation:tooManyRequests"] }), changed: false }, { status: 429, headers: retryAfterHeaders(decision) });
  }
  if (!(await isCurrentPassword(context.db, user.id, submission.value.currentPassword))) {
    return json({ result: submission.reply({ ...hidden, fieldErrors: { currentPassword: ["accounts:account.currentWrong"] } }), changed: false }, { status: 400 });
  }
  const problem = passwordProblem(submission.value.password, user.email);
  if (problem) return json({ result: submission.reply({ ...hidden, fieldErrors: { password: [problem] } }), changed: false }, { status: 400 });
  await changePassword(context, request, user.id, submission.value.password);
  sendQueuedMail(context.db, context.env.SMTP_URL);
  return json({ result: submission.reply({ resetForm: true }), changed: true });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AccountPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const { t: tc } = useTranslation("common");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  return (
    <div className="container narrow">
      <h1>{t("account.title")}</h1>
      {data.welcome ? (
        <p className="notice" role="status">
          {t("account.welcome")}
        </p>
      ) : null}
      <dl className="account-profile">
        <dt>{t("fields.displayName")}</dt>
        <dd>{data.user.displayName}</dd>
        <dt>{t("fields.email")}</dt>
        <dd>{data.user.email}</dd>
        <dt>{t("account.role")}</dt>
        <dd>{t(`common:roles.${data.user.role}`)}</dd>
        <dt>{t("fields.language")}</dt>
        <dd>{tc(`languages.${data.user.language}`)}</dd>
        {data.organisation ? (
          <>
            <dt>{t("fields.organisation")}</dt>
            <dd>
              {data.organisation.name}{" "}
              <span className={data.organisation.verifiedOn ? "badge badge--ok" : "badge badge--pending"}>
                {data.organisation.verifiedOn ? t("account.verifiedOn", { date: data.organisation.verifiedOn }) : t("account.unverified")}
              </span>
            </dd>
          </>
        ) : data.request ? (
          <>
            <dt>{t("fields.organisation")}</dt>
            <dd>
              {data.request.organisationName}{" "}
              <span className="badge badge--pending">{t(`account.request.${data.request.status}`)}</span>
            </dd>
          </>
        ) : null}
      </dl>
      <h2 id="account-security-title">{t("accountLinks.title")}</h2>
      <ul className="login-links" aria-labelledby="account-security-title">
        <li>
          <Link to={`/${data.language}/account/two-factor`}>{t("accountLinks.twoFactor")}</Link>
        </li>
        <li>
          <Link to={`/${data.language}/account/sessions`}>{t("accountLinks.sessions")}</Link>
        </li>
      </ul>
      <h2 id="change-password-title">{t("account.changePassword")}</h2>
      {actionData?.changed ? (
        <p className="notice" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="change-password-title">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.currentPassword} type="password" label={t("fields.currentPassword")} autoComplete="current-password" />
        <TextField meta={fields.password} type="password" label={t("fields.newPassword")} help={t("password.rules")} autoComplete="new-password" />
        <TextField meta={fields.passwordConfirm} type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("account.changePasswordSubmit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
