import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "~/modules/i18n/format";
import type { Language } from "~/modules/i18n/config";
import type { PublishedUpdate } from "./published-progress.server";
import { ExternalLink } from "~/ui/external-link";

/**
 * The accepted progress updates of a HUB for its public page (newest first): overall status,
 * narrative, each outcome's value against its target, activities and evidence.
 * The page's route must load the "monitoring" namespace (handle.i18n).
 */
export function PublishedProgress({ updates, language }: { updates: PublishedUpdate[]; language: Language }) {
  const { t } = useTranslation(["monitoring", "common"]);
  if (updates.length === 0) return <p className="empty">{t("monitoring:published.none")}</p>;
  const final = updates.find((update) => update.kind === "final");
  return (
    <div className="published-progress">
      {final ? (
        <section className="published-progress__final" aria-labelledby={`final-${final.id}`}>
          <h3 id={`final-${final.id}`}>{t("monitoring:published.achievedTitle")}</h3>
          <OutcomeTable update={final} language={language} />
        </section>
      ) : null}
      {updates.map((update) => (
        <article key={update.id} className="progress-entry" aria-labelledby={`update-${update.id}`}>
          <h3 id={`update-${update.id}`}>
            {t(update.kind === "final" ? "monitoring:published.finalHeading" : "monitoring:published.heading", {
              start: formatDate(update.periodStart, language),
              end: formatDate(update.periodEnd, language),
            })}
          </h3>
          {update.overallStatus ? (
            <p>
              <span className={`overall overall--${update.overallStatus}`}>{t(`monitoring:overall.${update.overallStatus}`)}</span>
            </p>
          ) : null}
          <p className="progress-entry__narrative" lang={update.narrativeLanguage}>
            {update.narrative}
          </p>
          {update.narrativeLanguage !== language ? (
            <p className="field-help">{t("monitoring:published.shownInOriginal", { language: t(`common:languages.${update.narrativeLanguage}`) })}</p>
          ) : null}
          <OutcomeTable update={update} language={language} />
          <ActivitiesAndEvidence update={update} language={language} Heading="h4" />
        </article>
      ))}
    </div>
  );
}

/** What a report says was done (dated activities) and the evidence links, under one heading level. */
export function ActivitiesAndEvidence({ update, language, Heading }: { update: Pick<PublishedUpdate, "activities" | "evidence">; language: Language; Heading: "h3" | "h4" }) {
  const { t } = useTranslation("monitoring");
  return (
    <>
      {update.activities.length > 0 ? (
        <>
          <Heading>{t("published.activities")}</Heading>
          <ul>
            {update.activities.map((activity) => (
              <li key={`${activity.heldOn}-${activity.title}`}>
                <time dateTime={activity.heldOn}>{formatDate(activity.heldOn, language)}</time>: {activity.title}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {update.evidence.length > 0 ? (
        <>
          <Heading>{t("published.evidence")}</Heading>
          <ul>
            {update.evidence.map((entry) => (
              <li key={entry.url}>
                <ExternalLink href={entry.url}>{entry.label ?? entry.url}</ExternalLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function OutcomeTable({ update, language }: { update: PublishedUpdate; language: Language }) {
  const { t } = useTranslation("monitoring");
  const number = (value: number | null, unit: string | null) => (value === null ? "–" : `${formatNumber(value, language)}${unit ? ` ${unit}` : ""}`);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t("published.outcomesCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("published.outcome")}</th>
          <th scope="col">{t("published.reached")}</th>
          <th scope="col">{t("published.target")}</th>
          <th scope="col">{t("published.progress")}</th>
          <th scope="col">{t("published.comment")}</th>
        </tr>
      </thead>
      <tbody>
        {update.outcomes.map((outcome) => (
          <tr key={outcome.outcomeId}>
            <th scope="row">{outcome.statement}</th>
            <td>
              {outcome.milestone
                ? outcome.milestoneReached === null
                  ? "–"
                  : t(outcome.milestoneReached ? "published.milestoneReached" : "published.milestoneNotYet")
                : number(outcome.value, outcome.unit)}
            </td>
            <td>{outcome.milestone ?? number(outcome.targetValue, outcome.unit)}</td>
            <td>{outcome.fraction === null ? "–" : formatNumber(outcome.fraction, language, { style: "percent", maximumFractionDigits: 0 })}</td>
            <td>{outcome.comment ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
