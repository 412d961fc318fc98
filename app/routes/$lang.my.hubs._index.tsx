import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { ProposalTable } from "~/modules/proposals/proposal-table";
import { listProposals } from "~/modules/proposals/proposal-list.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getOrganisation } from "~/modules/accounts/organisations.server";

export const handle = { i18n: ["common", "hubs", "proposals", "review", "validation"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "hub:propose");
  const [proposals, t, organisation] = await Promise.all([
    listProposals(context.db, language, { organisationId: user.organisationId! }),
    getTranslator(language),
    getOrganisation(context.db, user.organisationId!),
  ]);
  return json({ language, proposals, verified: Boolean(organisation?.verified_at), organisation: organisation?.name ?? "", title: t("proposals:my.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function MyHubsPage() {
  const { language, proposals, verified, organisation } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["proposals", "hubs", "common"]);
  return (
    <div className="container">
      <h1>{t("proposals:my.title")}</h1>
      <p>{t("proposals:my.lead", { organisation })}</p>
      {!verified ? <p className="notice">{t("proposals:errors.unverified")}</p> : null}
      <p>
        <Link className="button" to={`/${language}/my/hubs/new`}>
          {t("proposals:my.new")}
        </Link>
      </p>
      <ProposalTable
        proposals={proposals}
        language={language}
        href={(proposal) => `/${language}/my/hubs/${proposal.id}`}
        lastColumn={{ header: t("proposals:list.lastMessage"), cell: (proposal) => proposal.lastMessage ?? "—", className: "preserve-lines" }}
        empty={t("proposals:my.empty")}
      />
    </div>
  );
}
