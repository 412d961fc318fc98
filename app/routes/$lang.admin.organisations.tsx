import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  decideMembershipRequest,
  findLikelyDuplicates,
  listOrganisationsForAdmin,
  listRepresentatives,
  listPendingMembershipRequests,
  verifyOrganisation,
} from "~/modules/accounts/organisations.server";
import { AdminNav } from "~/modules/accounts/admin-nav";
import { languageParam, parseId } from "~/modules/http/params.server";
import { badRequest } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { countryName, formatDate, formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { DataTable } from "~/ui/data-table";
import { sendQueuedMail } from "~/modules/mail/delivery.server";
import { readFormData } from "~/modules/http/forms.server";

export const handle = { i18n: ["common", "accounts", "admin", "validation"] };

const FILTERS = ["all", "unverified", "verified"] as const;
type Filter = (typeof FILTERS)[number];

function isoDay(value: Date | string) {
  return new Date(value).toISOString().slice(0, 10);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:organisations");
  const t = await getTranslator(language);
  const requested = new URL(request.url).searchParams.get("status");
  const status: Filter = (FILTERS as readonly string[]).includes(requested ?? "") ? (requested as Filter) : "all";
  const [organisations, requests, duplicates] = await Promise.all([
    listOrganisationsForAdmin(context.db, { status }),
    listPendingMembershipRequests(context.db),
    findLikelyDuplicates(context.db),
  ]);
  const representatives = await listRepresentatives(
    context.db,
    organisations.map((o) => o.id),
  );
  return json({
    language,
    status,
    title: t("admin:organisations.title"),
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      country: countryName(o.country_code, language),
      region: o.region,
      city: o.city,
      location: `${formatNumber(o.latitude, language, { maximumFractionDigits: 4 })}, ${formatNumber(o.longitude, language, { maximumFractionDigits: 4 })}`,
      members: Number(o.member_count ?? 0),
      verifiedOn: o.verified_at ? formatDate(isoDay(o.verified_at), language) : null,
      createdOn: formatDate(isoDay(o.created_at), language),
      representatives: representatives.get(o.id) ?? [],
      duplicates: duplicates.get(o.id) ?? [],
    })),
    requests: requests.map((r) => ({
      id: r.id,
      name: r.display_name,
      email: r.email,
      organisation: r.organisation_name,
      requestedOn: formatDate(isoDay(r.created_at), language),
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "admin:organisations");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const id = parseId(form.get("id")) ?? badRequest();
  let done = false;
  if (intent === "verify") {
    done = await verifyOrganisation(context.db, id, user.id);
    if (done) sendQueuedMail(context.db, context.env.SMTP_URL);
  }
  else if (intent === "approve" || intent === "refuse") {
    done = await decideMembershipRequest(context.db, id, intent === "approve" ? "approved" : "refused", user.id);
  } else badRequest();
  const back = new URL(request.url);
  const notice = done ? intent : "stale";
  return redirect(`/${language}/admin/organisations?${new URLSearchParams({ ...Object.fromEntries(back.searchParams), notice })}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AdminOrganisationsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("accounts");
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  return (
    <div className="container admin">
      <AdminNav language={data.language} current="organisations" />
      <h1>{t("organisations.title")}</h1>
      {notice && ["verify", "approve", "refuse", "stale"].includes(notice) ? (
        <p className={notice === "stale" ? "notice notice--error" : "notice"} role="status">
          {t(`organisations.notice.${notice}`)}
        </p>
      ) : null}

      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t("organisations.requestsTitle")}</h2>
        <DataTable
          className="admin-table"
          caption={t("organisations.requestsTitle")}
          empty={t("organisations.noRequests")}
          rows={data.requests}
          rowKey={(request) => request.id}
          columns={[
            {
              header: t("organisations.person"),
              cell: (request) => (
                <>
                  {request.name}
                  <br />
                  <span className="muted">{request.email}</span>
                </>
              ),
            },
            { header: ta("fields.organisation"), cell: (request) => request.organisation },
            { header: t("organisations.requestedOn"), cell: (request) => request.requestedOn },
            {
              header: t("organisations.actions"),
              cell: (request) => (
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="id" value={request.id} />
                  <button type="submit" name="intent" value="approve" className="button button--small">
                    {t("organisations.approve", { name: request.name })}
                  </button>
                  <button type="submit" name="intent" value="refuse" className="button button--small button--secondary">
                    {t("organisations.refuse", { name: request.name })}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="organisations-list-title">
        <h2 id="organisations-list-title">{t("organisations.listTitle")}</h2>
        <Form method="get" className="filters">
          <label htmlFor="organisation-status">{t("organisations.filter")}</label>
          <select id="organisation-status" name="status" defaultValue={data.status}>
            {FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {t(`organisations.filters.${filter}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small">
            {t("organisations.apply")}
          </button>
        </Form>
        <DataTable
          className="admin-table"
          caption={t("organisations.listTitle")}
          rows={data.organisations}
          rowKey={(organisation) => organisation.id}
          columns={[
            { header: ta("fields.organisationName"), cell: (organisation) => organisation.name, rowHeader: true },
            { header: ta("fields.kind"), cell: (organisation) => ta(`kinds.${organisation.kind}`) },
            {
              header: t("organisations.place"),
              cell: (organisation) => (
                <>
                  {organisation.city}, {organisation.country}
                  <br />
                  <span className="muted">
                    {ta(`regions.${organisation.region}`)} · {organisation.location}
                  </span>
                </>
              ),
            },
            { header: t("organisations.members"), cell: (organisation) => organisation.members },
            {
              header: t("organisations.representatives"),
              cell: (organisation) =>
                organisation.representatives.length === 0 ? (
                  "—"
                ) : (
                  <ul className="plain-list">
                    {organisation.representatives.map((person) => (
                      <li key={person.email}>
                        {person.name}
                        <br />
                        <span className="muted">{person.email}</span>
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              header: t("organisations.duplicates"),
              cell: (organisation) =>
                organisation.duplicates.length === 0 ? (
                  t("organisations.noDuplicates")
                ) : (
                  <ul className="plain-list">
                    {organisation.duplicates.map((other) => (
                      <li key={other.id}>{t("organisations.duplicateOf", { name: other.name, id: other.id })}</li>
                    ))}
                  </ul>
                ),
            },
            {
              header: t("organisations.status"),
              cell: (organisation) =>
                organisation.verifiedOn ? (
                  t("organisations.verifiedOn", { date: organisation.verifiedOn })
                ) : (
                  <Form method="post">
                    <input type="hidden" name="id" value={organisation.id} />
                    <span className="badge badge--pending">{t("organisations.unverified")}</span>{" "}
                    <button type="submit" name="intent" value="verify" className="button button--small">
                      {t("organisations.verify", { name: organisation.name })}
                    </button>
                  </Form>
                ),
            },
          ]}
        />
      </section>
    </div>
  );
}
