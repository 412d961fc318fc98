import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";
import { DataTable, type Column } from "~/ui/data-table";
import type { listProposals } from "./proposal-list.server";

export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/**
 * Proposals with their title (linked), status and timeline, as the city and the reviewers list
 * them; `organisationColumn` and `lastColumn` add what each of them also needs.
 */
export function ProposalTable({
  proposals,
  language,
  href,
  organisationColumn = false,
  lastColumn,
  empty,
}: {
  proposals: ProposalRow[];
  language: Language;
  href: (proposal: ProposalRow) => string;
  organisationColumn?: boolean;
  lastColumn: Column<ProposalRow>;
  empty: string;
}) {
  const { t } = useTranslation(["proposals", "review", "hubs"]);
  const columns: Column<ProposalRow>[] = [
    { header: t("proposals:list.title"), cell: (proposal) => <Link to={href(proposal)}>{proposal.title}</Link>, lang: (proposal) => proposal.textLanguage },
    ...(organisationColumn ? [{ header: t("review:queue.organisation"), cell: (proposal: ProposalRow) => proposal.organisation }] : []),
    {
      header: t("proposals:list.status"),
      cell: (proposal) => (
        <>
          <span className={`status status--${proposal.displayStatus}`}>{t(`hubs:status.${proposal.displayStatus}`)}</span>
          {proposal.pendingChanges ? ` · ${t("proposals:changes.pending")}` : ""}
        </>
      ),
    },
    { header: t("proposals:list.timeline"), cell: (proposal) => `${formatDate(proposal.startDate, language)} – ${formatDate(proposal.endDate, language)}` },
    lastColumn,
  ];
  return <DataTable columns={columns} rows={proposals} rowKey={(proposal) => proposal.id} empty={empty} />;
}
