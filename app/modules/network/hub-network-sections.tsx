import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { HubNetwork } from "./hub-network.server";

/** The HUB page's network sections: the Policy Councils it is linked to and its label kit. */
export function HubNetworkSections({ network, language }: { network: HubNetwork; language: Language }) {
  const { t } = useTranslation("network");
  return (
    <>
      {network.councils.length > 0 ? (
        <section className="hub-page__section" aria-labelledby="hub-councils">
          <h2 id="hub-councils">{t("councils.hubHeading")}</h2>
          <ul>
            {network.councils.map((council) => (
              <li key={council.slug}>
                <a href={`/${language}?council=${encodeURIComponent(council.slug)}`}>{council.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {network.label ? <LabelKitSection label={network.label} /> : null}
    </>
  );
}

function LabelKitSection({ label }: { label: NonNullable<HubNetwork["label"]> }) {
  const { t } = useTranslation("network");
  return (
    <section className="hub-page__section label-kit no-print" aria-labelledby="hub-label-kit">
      <h2 id="hub-label-kit">{t("label.heading")}</h2>
      <p>{t("label.lead")}</p>
      <p>
        <img src={label.badgePath} alt={t("label.previewAlt")} width={360} height={96} />
      </p>
      <label htmlFor="label-kit-snippet">{t("label.snippet")}</label>
      <textarea id="label-kit-snippet" className="label-kit__snippet" readOnly rows={4} defaultValue={label.snippet} aria-describedby="label-kit-snippet-help" />
      <p id="label-kit-snippet-help" className="field-help">
        {t("label.snippetHelp")}
      </p>
      <p>
        <a href={label.certificatePath}>{t("label.certificate")}</a> · <a href={label.badgePath}>{t("label.badgeLink")}</a>
      </p>
    </section>
  );
}
