import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAccounts } from "~/modules/accounts/account-admin.server";
import { AdminNav } from "~/modules/accounts/admin-nav";
import { languageParam } from "~/modules/http/params.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { DataTable } from "~/ui/data-table";

export const handle = { i18n: ["common", "accounts", "admin", "validation"] };

/** The secretariat's list of accounts: role, organisation, last sign-in, two-step state, disabled. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:accounts");
  const t = await getTranslator(language);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const accounts = await listAccounts(context.db, query);
  return json({
    language,
    query,
    title: t("admin:accounts.title"),
    accounts: accounts.map((account) => ({
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      organisationName: account.organisationName,
      disabled: account.disabledAt !== null,
      lastLogin: account.lastLoginAt ? formatDateTime(account.lastLoginAt.toISOString(), language) : null,
      twoFactorOn: account.twoFactorOn,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AdminAccountsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("accounts");
  return (
    <div className="container admin">
      <AdminNav language={data.language} current="accounts" />
      <h1>{data.title}</h1>
      <Form method="get" className="form" role="search">
        <div className="field">
          <label htmlFor="account-search">{t("accounts.search")}</label>
          <input id="account-search" name="q" type="search" defaultValue={data.query} />
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t("accounts.searchSubmit")}
          </button>
        </div>
      </Form>
      <DataTable
        className="admin-table"
        caption={data.title}
        empty={t("accounts.none")}
        rows={data.accounts}
        rowKey={(account) => account.id}
        columns={[
          {
            header: t("accounts.name"),
            rowHeader: true,
            cell: (account) => <Link to={`/${data.language}/admin/accounts/${account.id}`}>{account.displayName}</Link>,
          },
          { header: ta("fields.email"), cell: (account) => account.email },
          { header: ta("account.role"), cell: (account) => ta(`common:roles.${account.role}`) },
          { header: ta("fields.organisation"), cell: (account) => account.organisationName ?? "—" },
          { header: t("accounts.lastLogin"), cell: (account) => account.lastLogin ?? t("accounts.never") },
          { header: t("accounts.twoFactor"), cell: (account) => (account.twoFactorOn ? t("accounts.twoFactorOn") : t("accounts.twoFactorOff")) },
          { header: t("accounts.state"), cell: (account) => (account.disabled ? t("accounts.disabled") : t("accounts.active")) },
        ]}
      />
    </div>
  );
}
