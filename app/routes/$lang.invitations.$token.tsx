import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, invitationState } from "~/modules/accounts/invitations.server";
import { requestSource } from "~/modules/audit/audit.server";
import { passwordProblem } from "~/modules/accounts/password-policy.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { AcceptInvitationSchema } from "~/modules/accounts/schemas";
import { createSession } from "~/modules/accounts/session.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { FormErrors, TextField } from "~/modules/forms/fields";

export const handle = { i18n: ["common", "accounts", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const t = await getTranslator(language);
  const state = await invitationState(context.db, params.token ?? "");
  const invitation = state.status === "valid" ? { email: state.email, role: state.role } : null;
  return json(
    { language, status: state.status, invitation, title: t("accounts:invitation.title") },
    { status: state.status === "valid" ? 200 : 410 },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const token = params.token ?? "";
  const submission = parseForm(await request.formData(), { schema: AcceptInvitationSchema });
  const hidden = { hideFields: ["password", "passwordConfirm"] };
  if (submission.status !== "success") return json(submission.reply(hidden), { status: 400 });
  const state = await invitationState(context.db, token);
  if (state.status !== "valid") return json(submission.reply({ ...hidden, formErrors: [`accounts:invitation.${state.status}`] }), { status: 410 });
  const problem = passwordProblem(submission.value.password, state.email);
  if (problem) return json(submission.reply({ ...hidden, fieldErrors: { password: [problem] } }), { status: 400 });
  const result = await acceptInvitation(context.db, token, { ...submission.value, source: requestSource(context, request) });
  if (!result.ok) return json(submission.reply({ ...hidden, formErrors: [`accounts:invitation.${result.error}`] }), { status: 400 });
  const cookie = await createSession(context, result.userId, request);
  return redirect(`/${state.language}/account?welcome=1`, { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AcceptInvitationPage() {
  const { status, invitation, language } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("accounts");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult,
    constraint: getZodConstraint(AcceptInvitationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
  });
  if (status !== "valid" || !invitation) {
    return (
      <div className="container narrow">
        <h1>{t("invitation.title")}</h1>
        <p className="notice notice--error">{t(`invitation.${status}`)}</p>
        <p>
          <Link to={`/${language}`}>{t("invitation.home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.lead", { email: invitation.email, role: t(`common:roles.${invitation.role}`) })}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.displayName} label={t("fields.displayName")} autoComplete="name" />
        <TextField meta={fields.password} type="password" label={t("fields.newPassword")} help={t("password.rules")} autoComplete="new-password" />
        <TextField meta={fields.passwordConfirm} type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("invitation.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
