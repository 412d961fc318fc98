import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAllCalls } from "~/modules/calls/calls.server";
import { CallStateBadge } from "~/modules/calls/call-view";
import { languageParam } from "~/modules/http/params.server";
import { formatDateTime } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { DataTable } from "~/ui/data-table";

export const handle = { i18n: ["common", "calls"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "call:manage");
  const [calls, t] = await Promise.all([listAllCalls(context.db, language, new Date()), getTranslator(language)]);
  return json({ language, calls, title: t("calls:admin.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AdminCallsPage() {
  const { language, calls } = useLoaderData<typeof loader>();
  const { t } = useTranslation("calls");
  return (
    <div className="container">
      <h1>{t("admin.title")}</h1>
      <p>
        <Link className="button" to={`/${language}/admin/calls/new`}>
          {t("admin.new")}
        </Link>{" "}
        <Link to={`/${language}/council/calls`}>{t("stats.title")}</Link>
      </p>
      <DataTable
        caption={t("admin.title")}
        rows={calls}
        rowKey={(call) => call.id}
        empty={t("admin.none")}
        columns={[
          { header: t("admin.call"), rowHeader: true, lang: (call) => call.titleLanguage, cell: (call) => <Link to={`/${language}/admin/calls/${call.id}`}>{call.title}</Link> },
          { header: t("admin.state"), cell: (call) => <CallStateBadge state={call.state} /> },
          { header: t("form.opensAt"), cell: (call) => formatDateTime(call.opensAt, language) },
          { header: t("form.closesAt"), cell: (call) => (call.closesAt ? formatDateTime(call.closesAt, language) : t("deadline.standing")) },
          { header: t("admin.evaluation"), cell: (call) => <Link to={`/${language}/admin/calls/${call.id}/evaluation`}>{t("admin.evaluation")}</Link> },
        ]}
      />
    </div>
  );
}
