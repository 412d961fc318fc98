import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/modules/forms/parse.server";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/modules/accounts/admin-nav";
import { createInvitation, listInvitations } from "~/modules/accounts/invitations.server";
import { requestSource } from "~/modules/audit/audit.server";
import { publicOrigin } from "~/modules/accounts/route-helpers.server";
import { languageParam } from "~/modules/http/params.server";
import { INVITED_ROLES, InvitationSchema } from "~/modules/accounts/schemas";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { FormErrors, SelectField, TextField } from "~/modules/forms/fields";
import { DataTable } from "~/ui/data-table";

export const handle = { i18n: ["common", "accounts", "admin", "validation"] };

function isoDay(value: Date | string) {
  return new Date(value).toISOString().slice(0, 10);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:invitations");
  const t = await getTranslator(language);
  const invitations = await listInvitations(context.db);
  return json({
    language,
    title: t("admin:invitations.title"),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      language: i.language,
      status: i.status,
      invitedBy: i.invited_by_name,
      createdOn: formatDate(isoDay(i.created_at), language),
      expiresOn: formatDate(isoDay(i.expires_at), language),
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  languageParam(params.lang);
  const user = await requirePermission(context, request, "admin:invitations");
  const submission = parseForm(await request.formData(), { schema: InvitationSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sentTo: null }, { status: 400 });
  const created = await createInvitation(context.db, { ...submission.value, invitedBy: user.id, origin: publicOrigin(context, request), source: requestSource(context, request) });
  if (!created.ok) {
    return json({ result: submission.reply({ fieldErrors: { email: ["admin:invitations.emailTaken"] } }), sentTo: null }, { status: 400 });
  }
  sendQueuedMail(context.db, context.env.SMTP_URL);
  return json({ result: submission.reply({ resetForm: true }), sentTo: submission.value.email });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AdminInvitationsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("accounts");
  const { t: tc } = useTranslation("common");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invitation",
    lastResult: actionData?.result,
    defaultValue: { role: "council", language: data.language },
    constraint: getZodConstraint(InvitationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationSchema }),
  });
  return (
    <div className="container admin">
      <AdminNav language={data.language} current="invitations" />
      <h1>{t("invitations.title")}</h1>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("invitations.createTitle")}</h2>
        {actionData?.sentTo ? (
          <p className="notice" role="status">
            {t("invitations.sent", { email: actionData.sentTo })}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="invite-title">
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.email} type="email" label={ta("fields.email")} autoComplete="off" />
          <SelectField meta={fields.role} label={t("invitations.role")} options={INVITED_ROLES.map((value) => ({ value, label: ta(`common:roles.${value}`) }))} />
          <SelectField
            meta={fields.language}
            label={t("invitations.language")}
            options={SUPPORTED_LANGUAGES.map((value) => ({ value, label: tc(`languages.${value}`) }))}
          />
          <div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("invitations.submit")}
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="invitations-list-title">
        <h2 id="invitations-list-title">{t("invitations.listTitle")}</h2>
        <DataTable
          className="admin-table"
          caption={t("invitations.listTitle")}
          empty={t("invitations.none")}
          rows={data.invitations}
          rowKey={(invitation) => invitation.id}
          columns={[
            { header: ta("fields.email"), cell: (invitation) => invitation.email },
            { header: t("invitations.role"), cell: (invitation) => ta(`common:roles.${invitation.role}`) },
            { header: t("invitations.language"), cell: (invitation) => tc(`languages.${invitation.language}`) },
            { header: t("invitations.createdOn"), cell: (invitation) => invitation.createdOn },
            { header: t("invitations.expiresOn"), cell: (invitation) => invitation.expiresOn },
            { header: t("invitations.status"), cell: (invitation) => t(`invitations.statuses.${invitation.status}`) },
          ]}
        />
      </section>
    </div>
  );
}
