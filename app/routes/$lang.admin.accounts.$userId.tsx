import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountAdminSchema, STAFF_ROLES } from "~/modules/accounts/account-admin";
import { changeStaffRole, getAccount, resetAccountTwoFactor, setAccountDisabled } from "~/modules/accounts/account-admin.server";
import { AdminNav } from "~/modules/accounts/admin-nav";
import { StepUpField } from "~/modules/accounts/step-up-field";
import { stepUpProblem } from "~/modules/accounts/step-up.server";
import { stepUpNeeded } from "~/modules/accounts/two-factor.server";
import { requestSource } from "~/modules/audit/audit.server";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "accounts", "admin", "validation"] };

/** One account, for the secretariat: its state, and disable/enable, change role, reset two-step sign-in. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "admin:accounts");
  const account = await getAccount(context.db, idParam(params.userId));
  if (!account) notFound();
  const t = await getTranslator(language);
  const done = new URL(request.url).searchParams.get("done");
  return json({
    language,
    title: t("admin:accounts.detailTitle", { name: account.displayName }),
    self: account.id === user.id,
    stepUpNeeded: stepUpNeeded(user),
    done: done && ["disable", "enable", "changeRole", "resetTwoFactor"].includes(done) ? done : null,
    account: {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      organisationName: account.organisationName,
      disabled: account.disabledAt !== null,
      lastLogin: account.lastLoginAt ? formatDateTime(account.lastLoginAt.toISOString(), language) : null,
      twoFactorOn: account.twoFactorOn,
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "admin:accounts");
  const userId = idParam(params.userId);
  if (!(await getAccount(context.db, userId))) notFound();
  const formData = await readFormData(request);
  const submission = parseForm(formData, { schema: AccountAdminSchema });
  if (submission.status !== "success") return json({ intent: null, error: "admin:accounts.invalid" }, { status: 400 });
  const value = submission.value;
  // Disabling, a role change and a two-step reset ask for a fresh code (enabling does not).
  if (value.intent !== "enable") {
    const problem = await stepUpProblem(context, request, user, formData);
    if (problem) return json({ intent: value.intent, error: problem }, { status: 400 });
  }
  const source = requestSource(context, request);
  const result =
    value.intent === "disable" || value.intent === "enable"
      ? await setAccountDisabled(context.db, user.id, userId, value.intent === "disable", source)
      : value.intent === "changeRole"
        ? await changeStaffRole(context.db, user.id, userId, value.role, source)
        : await resetAccountTwoFactor(context.db, user.id, userId);
  if (!result.ok) return json({ intent: value.intent, error: `admin:accounts.errors.${result.error}` }, { status: 409 });
  throw redirect(`/${language}/admin/accounts/${userId}?done=${value.intent}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

function ErrorText({ error }: { error?: string | null }) {
  const { t } = useTranslation(["admin", "accounts"]);
  if (!error) return null;
  return (
    <p className="form-errors" role="alert">
      {t(error)}
    </p>
  );
}

export default function AdminAccountPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("accounts");
  const { account } = data;
  const errorFor = (intent: string) => (actionData?.intent === intent || (intent === "any" && actionData?.intent === null) ? actionData?.error : null);
  const stepUp = (formId: string) => (data.stepUpNeeded ? <StepUpField formId={formId} error={errorFor(formId)?.startsWith("accounts:stepUp") ? errorFor(formId) : null} /> : null);
  return (
    <div className="container admin">
      <AdminNav language={data.language} current="accounts" />
      <p>
        <Link to={`/${data.language}/admin/accounts`}>{t("accounts.back")}</Link>
      </p>
      <h1>{data.title}</h1>
      {data.done ? (
        <p className="notice" role="status">
          {t(`accounts.done.${data.done}`)}
        </p>
      ) : null}
      <ErrorText error={errorFor("any")} />
      <dl className="account-profile">
        <dt>{ta("fields.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{ta("account.role")}</dt>
        <dd>{ta(`common:roles.${account.role}`)}</dd>
        <dt>{ta("fields.organisation")}</dt>
        <dd>{account.organisationName ?? "—"}</dd>
        <dt>{t("accounts.lastLogin")}</dt>
        <dd>{account.lastLogin ?? t("accounts.never")}</dd>
        <dt>{t("accounts.twoFactor")}</dt>
        <dd>{account.twoFactorOn ? t("accounts.twoFactorOn") : t("accounts.twoFactorOff")}</dd>
        <dt>{t("accounts.state")}</dt>
        <dd>{account.disabled ? t("accounts.disabled") : t("accounts.active")}</dd>
      </dl>
      {data.self ? (
        <p>{t("accounts.selfNote")}</p>
      ) : (
        <>
          <section aria-labelledby="account-state-title" className="panel">
            <h2 id="account-state-title">{account.disabled ? t("accounts.enableTitle") : t("accounts.disableTitle")}</h2>
            <p>{account.disabled ? t("accounts.enableLead") : t("accounts.disableLead")}</p>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value={account.disabled ? "enable" : "disable"} />
              {account.disabled ? null : stepUp("disable")}
              <ErrorText error={errorFor(account.disabled ? "enable" : "disable")?.startsWith("admin:") ? errorFor(account.disabled ? "enable" : "disable") : null} />
              <div>
                <button type="submit" className="button">
                  {account.disabled ? t("accounts.enableSubmit") : t("accounts.disableSubmit")}
                </button>
              </div>
            </Form>
          </section>
          {(STAFF_ROLES as readonly string[]).includes(account.role) ? (
            <section aria-labelledby="account-role-title" className="panel">
              <h2 id="account-role-title">{t("accounts.roleTitle")}</h2>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="changeRole" />
                <div className="field">
                  <label htmlFor="account-role">{ta("account.role")}</label>
                  <select id="account-role" name="role" defaultValue={account.role}>
                    {STAFF_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ta(`common:roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {stepUp("changeRole")}
                <ErrorText error={errorFor("changeRole")?.startsWith("admin:") ? errorFor("changeRole") : null} />
                <div>
                  <button type="submit" className="button">
                    {t("accounts.roleSubmit")}
                  </button>
                </div>
              </Form>
            </section>
          ) : null}
          {account.twoFactorOn ? (
            <section aria-labelledby="account-two-factor-title" className="panel">
              <h2 id="account-two-factor-title">{t("accounts.resetTitle")}</h2>
              <p>{t("accounts.resetLead")}</p>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="resetTwoFactor" />
                {stepUp("resetTwoFactor")}
                <div>
                  <button type="submit" className="button">
                    {t("accounts.resetSubmit")}
                  </button>
                </div>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
