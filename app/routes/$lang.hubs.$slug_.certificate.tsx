import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { languageParam, slugParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { countryName, formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { findCertificate } from "~/modules/network/label.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "hub", "network"] };

/** /{lang}/hubs/{slug}/certificate: the certificate of recognition of a recognised HUB, one A4 page when printed. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const certificate = await findCertificate(context.db, slugParam(params.slug), language);
  if (!certificate) notFound();
  const t = await getTranslator(language);
  return json({ language, certificate, title: t("network:certificate.pageTitle", { hub: certificate.title }) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export default function CertificatePage() {
  const { language, certificate } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["network", "hub"]);
  return (
    <div className="container certificate-page">
      <p className="no-print">
        <a href={`/${language}/hubs/${certificate.slug}`}>{t("network:certificate.back")}</a>
        <ClientOnly>
          {() => (
            <>
              {" · "}
              <button type="button" className="button--link" onClick={() => window.print()}>
                {t("network:certificate.print")}
              </button>
            </>
          )}
        </ClientOnly>
      </p>
      <article className="certificate" aria-labelledby="certificate-title">
        <p className="certificate__issuer">{t("network:certificate.issuer")}</p>
        <h1 id="certificate-title">{t("network:certificate.heading")}</h1>
        <p>{t("network:certificate.certifies")}</p>
        <p className="certificate__hub">{certificate.title}</p>
        <p>
          {t("network:certificate.ledBy", {
            organisation: certificate.organisation,
            city: certificate.city,
            country: countryName(certificate.countryCode, language),
          })}
        </p>
        <p>{t("network:certificate.isRecognised", { label: t("hub:label") })}</p>
        <p className="certificate__date">{t("network:certificate.on", { date: formatDate(certificate.recognisedAt.slice(0, 10), language, "long") })}</p>
        <p>
          {t("network:certificate.timeline", {
            start: formatDate(certificate.startDate, language, "long"),
            end: formatDate(certificate.endDate, language, "long"),
          })}
        </p>
        <p className="certificate__seal" aria-hidden="true">
          UCLG · CGLU
        </p>
      </article>
    </div>
  );
}
