import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { HubStatus } from "../../db/schema";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ProposalTable } from "~/modules/proposals/proposal-table";
import { listProposals } from "~/modules/proposals/proposal-list.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "hubs", "proposals", "review", "validation"] };

const FILTERS = ["queue", "all", "draft", "submitted", "changes_requested", "recognised", "declined", "completed", "withdrawn"] as const;
type Filter = (typeof FILTERS)[number];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "review:read");
  const requested = new URL(request.url).searchParams.get("status") ?? "queue";
  const filter: Filter = (FILTERS as readonly string[]).includes(requested) ? (requested as Filter) : "queue";
  const statuses: HubStatus[] | undefined = filter === "queue" ? ["submitted"] : filter === "all" ? undefined : [filter];
  const [proposals, t] = await Promise.all([listProposals(context.db, language, { statuses }), getTranslator(language)]);
  // Recognised HUBs with a pending change request also wait for the secretariat.
  const pendingChanges = filter === "queue" ? (await listProposals(context.db, language, { statuses: ["recognised"] })).filter((p) => p.pendingChanges > 0) : [];
  return json({ language, filter, proposals: [...proposals, ...pendingChanges], title: t("review:queue.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ReviewQueuePage() {
  const { language, filter, proposals } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["review", "proposals", "hubs"]);
  return (
    <div className="container">
      <h1>{t("review:queue.title")}</h1>
      <p>{t("review:queue.lead")}</p>
      <Form method="get" className="filter-form">
        <label htmlFor="status-filter">{t("review:queue.filter")}</label>
        <select id="status-filter" name="status" defaultValue={filter}>
          {FILTERS.map((value) => (
            <option key={value} value={value}>
              {value === "queue" || value === "all" ? t(`review:queue.filters.${value}`) : t(`hubs:status.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("review:queue.apply")}
        </button>
      </Form>
      <ProposalTable
        proposals={proposals}
        language={language}
        href={(proposal) => `/${language}/review/${proposal.id}`}
        organisationColumn
        lastColumn={{ header: t("review:queue.reviews"), cell: (proposal) => proposal.reviews }}
        empty={t("review:queue.empty")}
      />
    </div>
  );
}
