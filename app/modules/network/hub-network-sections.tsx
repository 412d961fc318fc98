import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { HubNetwork } from "./hub-network.server";

/** The HUB page's network sections: the Policy Councils it is linked to. */
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
    </>
  );
}
