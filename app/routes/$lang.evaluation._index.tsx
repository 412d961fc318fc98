import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMyAssignments } from "~/modules/calls/evaluation.server";
import { languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { DataTable } from "~/ui/data-table";

export const handle = { i18n: ["common", "calls", "hubs"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:evaluate");
  const [assignments, t] = await Promise.all([listMyAssignments(context.db, user.id, language), getTranslator(language)]);
  return json({ language, assignments, title: t("calls:scoring.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function MyEvaluationsPage() {
  const { language, assignments } = useLoaderData<typeof loader>();
  const { t } = useTranslation("calls");
  return (
    <div className="container">
      <h1>{t("scoring.title")}</h1>
      <p>{t("scoring.lead")}</p>
      <p>
        <Link to={`/${language}/council/calls`}>{t("stats.title")}</Link>
      </p>
      <DataTable
        caption={t("scoring.title")}
        rows={assignments}
        rowKey={(row) => row.id}
        empty={t("scoring.none")}
        columns={[
          { header: t("evaluation.proposal"), rowHeader: true, cell: (row) => <Link to={`/${language}/evaluation/${row.id}`}>{row.title}</Link> },
          { header: t("evaluation.city"), cell: (row) => row.city },
          { header: t("evaluation.status"), cell: (row) => t(`hubs:status.${row.status}`) },
          { header: t("scoring.scoresTitle"), cell: (row) => (row.conflict ? t("evaluation.declared") : row.scored_at ? t("evaluation.scored") : t("evaluation.pending")) },
        ]}
      />
    </div>
  );
}
