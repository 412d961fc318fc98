import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { countryName, formatDate } from "~/modules/i18n/format";
import { ExternalLink } from "~/ui/external-link";
import type { HubNetwork } from "./hub-network.server";
import type { SuggestedPartner } from "./suggestions.server";

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
      {network.suggestions ? <SuggestedPartners suggestions={network.suggestions} language={language} /> : null}
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

/**
 * The HUB page's "Synchronised with" list: accepted links, both ways, each with its reason (the
 * joint activity) and the joint products; a signed-in city is offered to ask for a link.
 */
export function HubLinks({ network, language, hubSlug }: { network: HubNetwork; language: Language; hubSlug: string }) {
  const { t } = useTranslation("network");
  return (
    <>
      {network.links.length > 0 ? (
        <ul className="hub-links">
          {network.links.map((link) => (
            <li key={link.slug}>
              <a href={`/${language}/hubs/${link.slug}`}>{link.title}</a> ({link.city}, {countryName(link.countryCode, language)})
              {link.acceptedOn ? ` · ${t("hubLinks.since", { date: formatDate(link.acceptedOn, language) })}` : ""}
              <p className="hub-links__reason">{link.jointActivity ? t("hubLinks.reason", { activity: link.jointActivity }) : t("hubLinks.fromProposal")}</p>
              {link.products.length > 0 ? (
                <>
                  <p className="hub-links__products-title">{t("hubLinks.products")}</p>
                  <ul>
                    {link.products.map((product, index) => (
                      <li key={index}>
                        {t(`sync.kinds.${product.kind}`)}: <ExternalLink href={product.url}>{product.title}</ExternalLink>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="no-print">
        <a href={`/${language}/synchronisation?with=${encodeURIComponent(hubSlug)}`}>{t("hubLinks.ask")}</a>
      </p>
    </>
  );
}

function listOf(items: string[], language: Language) {
  return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
}

/** Partners the HUB could synchronise with, each with its reasons (signed-in members only). */
function SuggestedPartners({ suggestions, language }: { suggestions: NonNullable<HubNetwork["suggestions"]>; language: Language }) {
  const { t } = useTranslation(["network", "map"]);
  return (
    <section className="hub-page__section no-print" aria-labelledby="hub-suggestions">
      <h2 id="hub-suggestions">{t("suggestions.heading")}</h2>
      <p>{t("suggestions.lead")}</p>
      {suggestions.partners.length === 0 ? <p className="empty">{t("suggestions.none")}</p> : null}
      <SuggestedPartnerList partners={suggestions.partners} mayAsk={suggestions.mayAsk} language={language} />
    </section>
  );
}

/** The suggested partners with their reasons: on the HUB page and in the proposal form's synchronisation part. */
export function SuggestedPartnerList({ partners, mayAsk, language }: { partners: SuggestedPartner[]; mayAsk: boolean; language: Language }) {
  const { t } = useTranslation(["network", "map"]);
  return (
    <ul className="suggestions">
      {partners.map((partner) => {
        const reasons = [
          partner.reasons.sharedTargets.length ? t("suggestions.sharedTargets", { count: partner.reasons.sharedTargets.length, targets: listOf(partner.reasons.sharedTargets, language) }) : null,
          partner.reasons.sharedGoals.length ? t("suggestions.sharedGoals", { count: partner.reasons.sharedGoals.length, goals: listOf(partner.reasons.sharedGoals.map(String), language) }) : null,
          partner.reasons.sameTheme ? t("suggestions.sameTheme", { theme: partner.reasons.sameTheme }) : null,
          partner.reasons.similarText ? t("suggestions.similarText") : null,
          partner.reasons.otherRegion ? t("suggestions.otherRegion", { region: t(`map:regions.${partner.region}`) }) : null,
        ].filter((reason): reason is string => reason !== null);
        return (
          <li key={partner.slug}>
            <a href={`/${language}/hubs/${partner.slug}`}>{partner.title}</a> ({partner.city}, {countryName(partner.countryCode, language)})
            <p className="suggestions__reason">{reasons.join(" · ")}</p>
            {mayAsk ? (
              <p>
                <a href={`/${language}/synchronisation?with=${encodeURIComponent(partner.slug)}`} aria-label={t("suggestions.askLabel", { hub: partner.title })}>
                  {t("suggestions.ask")}
                </a>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
