import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attemptSecondFactor } from "~/modules/accounts/login.server";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { recordSecondFactor, safeRedirect } from "~/modules/accounts/session.server";
import { TwoFactorSchema } from "~/modules/accounts/two-factor";
import { beginEnrolment, confirmEnrolment, disableTwoFactor, otpauthUri, qrCodeSvg, replaceRecoveryCodes, twoFactorRequired, twoFactorState } from "~/modules/accounts/two-factor.server";
import { queueAccountNotice } from "~/modules/accounts/notices.server";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { FormErrors, TextField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

/**
 * Two-factor sign-in of one's own account: enrol (QR code, secret as text and as URI, first code),
 * ten recovery codes shown once, new ones, turn off. An account whose role must use it is sent here
 * before any other page (session.server.ts `requireEnrolled`).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const t = await getTranslator(language);
  const url = new URL(request.url);
  const state = await twoFactorState(context.db, user.id);
  const required = twoFactorRequired(context.env, user.role);
  const base = {
    title: t("accounts:twoFactor.title"),
    required,
    recovered: url.searchParams.get("recovered") === "1",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), `/${language}/account`),
  };
  if (state.enabled) {
    return json({
      ...base,
      enabled: true as const,
      enabledOn: state.enabledAt ? formatDate(new Date(state.enabledAt).toISOString(), language) : null,
      recoveryCodesLeft: state.recoveryCodesLeft,
      enrolment: null,
    });
  }
  const secret = await beginEnrolment(context.db, user.id);
  const uri = otpauthUri(secret, user.email);
  return json({ ...base, enabled: false as const, enabledOn: null, recoveryCodesLeft: 0, enrolment: { secret, uri, qrSvg: await qrCodeSvg(uri) } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  languageParam(params.lang);
  const user = await requirePermission(context, request, "account:manage");
  const submission = parseForm(await readFormData(request), { schema: TwoFactorSchema });
  const reply = (fieldErrors?: Record<string, string[]>) => submission.reply({ fieldErrors, hideFields: ["code"] });
  if (submission.status !== "success") return json({ result: reply(), recoveryCodes: null, done: null }, { status: 400 });
  const source = requestSource(context, request);
  const value = submission.value;
  if (value.intent === "enrol") {
    const codes = await confirmEnrolment(context.db, user.id, value.code);
    if (!codes) return json({ result: reply({ code: ["accounts:twoFactor.codeWrong"] }), recoveryCodes: null, done: null }, { status: 400 });
    await recordSecondFactor(context.db, user.sessionId);
    await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "two_factor_on", source });
    await queueAccountNotice(context.db, user.id, { kind: "two_factor_on" });
    sendQueuedMail(context.db, context.env.SMTP_URL);
    return json({ result: submission.reply({ resetForm: true }), recoveryCodes: codes, done: "enrolled" as const });
  }
  // New recovery codes and turning off both ask for a fresh code, counted by the log-in throttle.
  const checked = await attemptSecondFactor(context.db, {
    userId: user.id,
    code: value.code,
    ip: clientIp(context),
    userAgent: request.headers.get("user-agent"),
    purpose: value.intent === "disable" ? "two_factor_off" : "step_up",
  });
  if (!checked.ok) return json({ result: reply({ code: ["accounts:twoFactor.codeWrong"] }), recoveryCodes: null, done: null }, { status: 400 });
  await recordSecondFactor(context.db, user.sessionId);
  if (value.intent === "regenerate") {
    const codes = await replaceRecoveryCodes(context.db, user.id);
    await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "recovery_codes_replaced", source });
    return json({ result: submission.reply({ resetForm: true }), recoveryCodes: codes, done: "regenerated" as const });
  }
  await disableTwoFactor(context.db, user.id);
  await recordAudit(context.db, { entity: "user", entityId: user.id, actorUserId: user.id, action: "two_factor_off", source });
  await queueAccountNotice(context.db, user.id, { kind: "two_factor_off" });
  sendQueuedMail(context.db, context.env.SMTP_URL);
  return json({ result: submission.reply({ resetForm: true }), recoveryCodes: null, done: "disabled" as const });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

function CodeForm({ intent, submitLabel, redirectTo }: { intent: "enrol" | "regenerate" | "disable"; submitLabel: string; redirectTo?: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const lastIntent = actionData?.result.initialValue?.intent;
  const [form, fields] = useForm({
    id: `two-factor-${intent}`,
    lastResult: lastIntent === intent ? actionData?.result : undefined,
    constraint: getZodConstraint(TwoFactorSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TwoFactorSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <TextField meta={fields.code} label={t("twoFactor.code")} help={intent === "enrol" ? undefined : t("twoFactor.codeOrRecovery")} autoComplete="one-time-code" inputMode="numeric" />
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export default function TwoFactorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const codes = actionData?.recoveryCodes;
  if (codes) {
    return (
      <div className="container narrow">
        <h1>{t("twoFactor.recoveryTitle")}</h1>
        <p className="notice" role="status">
          {actionData.done === "enrolled" ? t("twoFactor.enrolled") : t("twoFactor.regenerated")}
        </p>
        <p>{t("twoFactor.recoveryLead")}</p>
        <ul className="recovery-codes" aria-label={t("twoFactor.recoveryTitle")}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link className="button" to={data.redirectTo}>
            {t("twoFactor.continue")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{data.title}</h1>
      {actionData?.done === "disabled" ? (
        <p className="notice" role="status">
          {t("twoFactor.disabled")}
        </p>
      ) : null}
      {data.recovered ? (
        <p className="notice" role="status">
          {t("twoFactor.recovered", { count: data.recoveryCodesLeft })}
        </p>
      ) : null}
      {data.enrolment ? (
        <>
          <p>{data.required ? t("twoFactor.requiredLead") : t("twoFactor.optionalLead")}</p>
          <h2>{t("twoFactor.stepScan")}</h2>
          {/* The SVG comes from the qrcode package on the server: paths only, no script. */}
          <div className="qr-code" role="img" aria-label={t("twoFactor.qrLabel")} dangerouslySetInnerHTML={{ __html: data.enrolment.qrSvg }} />
          <p>{t("twoFactor.stepKey")}</p>
          <dl className="account-profile">
            <dt>{t("twoFactor.secret")}</dt>
            <dd>
              <code data-testid="totp-secret">{data.enrolment.secret}</code>
            </dd>
            <dt>{t("twoFactor.uri")}</dt>
            <dd>
              <code className="break-anywhere">{data.enrolment.uri}</code>
            </dd>
          </dl>
          <h2>{t("twoFactor.stepConfirm")}</h2>
          <CodeForm intent="enrol" submitLabel={t("twoFactor.enrolSubmit")} redirectTo={data.redirectTo} />
        </>
      ) : (
        <>
          <p>{t("twoFactor.onSince", { date: data.enabledOn })}</p>
          <p>{t("twoFactor.codesLeft", { count: data.recoveryCodesLeft })}</p>
          <h2>{t("twoFactor.regenerateTitle")}</h2>
          <p>{t("twoFactor.regenerateLead")}</p>
          <CodeForm intent="regenerate" submitLabel={t("twoFactor.regenerateSubmit")} />
          <h2>{t("twoFactor.disableTitle")}</h2>
          <p>{data.required ? t("twoFactor.disableRequiredLead") : t("twoFactor.disableLead")}</p>
          <CodeForm intent="disable" submitLabel={t("twoFactor.disableSubmit")} />
        </>
      )}
    </div>
  );
}
