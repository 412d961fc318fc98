import { useTranslation } from "react-i18next";
import { countryName, formatDate } from "~/modules/i18n/format";
import type { Language } from "~/modules/i18n/config";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import type { SdgGoal } from "~/modules/sdg/sdg";
import type { PublicHubStatus } from "./lifecycle";

export interface HubListItem {
  slug: string;
  title: string;
  /** The language `title` and `summary` are in: the page's, or the original when the translation is missing. */
  textLanguage: Language;
  summary: string;
  city: string;
  countryCode: string;
  status: PublicHubStatus;
  startDate: string;
  endDate: string;
  goals: { number: number; isPrimary: boolean }[];
  /** When a search found the HUB only through the names of its SDG goals, targets or theme: those, named in the page's language. */
  matchedThrough?: { kind: "goal" | "target" | "theme" | "council"; ref: string; name: string }[];
}

/** The HUBs as an accessible list: the equivalent of the map for every reader. */
export function HubList({ hubs, goals, language }: { hubs: HubListItem[]; goals: SdgGoal[]; language: Language }) {
  const { t } = useTranslation(["hubs", "common"]);
  const goalByNumber = new Map(goals.map((goal) => [goal.number, goal]));
  if (hubs.length === 0) return <p className="empty">{t("hubs:list.empty")}</p>;
  return (
    <ul className="hub-list">
      {hubs.map((hub) => (
        <li key={hub.slug} className="hub-card">
          <h3 className="hub-card__title" lang={hub.textLanguage}>
            <a href={`/${language}/hubs/${hub.slug}`}>{hub.title}</a>
          </h3>
          <p className="hub-card__place">
            {hub.city}, {countryName(hub.countryCode, language)} · <span className={`status status--${hub.status}`}>{t(`hubs:status.${hub.status}`)}</span>
          </p>
          <p className="hub-card__dates">
            {t("hubs:list.timeline", { start: formatDate(hub.startDate, language), end: formatDate(hub.endDate, language) })}
          </p>
          <p className="hub-card__summary" lang={hub.textLanguage}>
            {hub.summary}
          </p>
          {hub.textLanguage !== language ? (
            <p className="hub-card__original-language">{t("hubs:list.shownInOriginal", { language: t(`common:languages.${hub.textLanguage}`) })}</p>
          ) : null}
          {hub.matchedThrough?.length ? (
            <p className="hub-card__matched">
              {hub.matchedThrough.map((match) => t(`hubs:list.matched.${match.kind}`, { number: match.ref, name: match.name })).join(" · ")}
            </p>
          ) : null}
          <ul className="sdg-chips" aria-label={t("hubs:list.goals")}>
            {hub.goals.map((goal) => {
              const sdg = goalByNumber.get(goal.number);
              return sdg ? (
                <li key={goal.number}>
                  <SdgChip goal={sdg} primary={goal.isPrimary} />
                </li>
              ) : null;
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
