import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatNumber } from "~/modules/i18n/format";
import { elapsedShare, outcomeProgress, paceCounts, paceOf, type OutcomeForPace, type ReportedValue, type SynchronisationMeasures } from "./impact";

interface ImpactOutcome extends OutcomeForPace {
  position: number;
  statement: string;
}

/**
 * The HUB page's impact section: acceleration (each outcome's progress against the timeline
 * elapsed) as a chart and the table with the same figures, then the synchronisation measures.
 */
export function HubImpact({
  outcomes,
  latest,
  startDate,
  endDate,
  today,
  synchronisation,
  language,
  originalLanguage,
}: {
  outcomes: ImpactOutcome[];
  latest: Record<number, ReportedValue | undefined>;
  startDate: string;
  endDate: string;
  today: string;
  synchronisation: SynchronisationMeasures;
  language: Language;
  originalLanguage: string;
}) {
  const { t } = useTranslation("network");
  const elapsed = elapsedShare(startDate, endDate, today);
  const rows = outcomes.map((outcome) => {
    const progress = outcomeProgress(outcome, latest[outcome.position]);
    return { outcome, progress, pace: paceOf(progress, elapsed) };
  });
  const counts = paceCounts(rows.map((row) => row.pace));
  const percent = (share: number) => formatNumber(share, language, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="hub-page__section hub-impact" aria-labelledby="hub-impact">
      <h2 id="hub-impact">{t("impact.heading")}</h2>
      <h3>{t("impact.acceleration")}</h3>
      <p>{t("impact.accelerationLead", { elapsed: percent(elapsed) })}</p>
      {rows.length > 0 ? (
        <>
          <div className="impact-chart" aria-hidden="true">
            {rows.map(({ outcome, progress, pace }) => (
              <div key={outcome.position} className="impact-chart__row">
                <span className="impact-chart__label">{outcome.position + 1}</span>
                <span className="impact-chart__track">
                  <span className={`impact-chart__bar impact-chart__bar--${pace}`} style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
                  <span className="impact-chart__elapsed" style={{ left: `${Math.round(elapsed * 100)}%` }} />
                </span>
              </div>
            ))}
          </div>
          <table className="data-table">
            <caption>{t("impact.tableCaption", { ahead: counts.ahead, onTrack: counts.on_track, behind: counts.behind })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("impact.outcome")}</th>
                <th scope="col">{t("impact.progress")}</th>
                <th scope="col">{t("impact.elapsed")}</th>
                <th scope="col">{t("impact.pace")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ outcome, progress, pace }) => (
                <tr key={outcome.position}>
                  <th scope="row" lang={originalLanguage}>
                    {outcome.position + 1}. {outcome.statement}
                  </th>
                  <td>{progress === null ? "—" : percent(progress)}</td>
                  <td>{percent(elapsed)}</td>
                  <td>{t(`impact.paces.${pace}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h3>{t("impact.synchronisation")}</h3>
      <table className="data-table">
        <caption className="visually-hidden">{t("impact.synchronisation")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("impact.links")}</th>
            <td>{formatNumber(synchronisation.links, language)}</td>
          </tr>
          <tr>
            <th scope="row">{t("impact.jointProducts")}</th>
            <td>{formatNumber(synchronisation.jointProducts, language)}</td>
          </tr>
          <tr>
            <th scope="row">{t("impact.eventsTogether")}</th>
            <td>{formatNumber(synchronisation.eventsTogether, language)}</td>
          </tr>
          <tr>
            <th scope="row">{t("impact.exchangePostsHub")}</th>
            <td>{formatNumber(synchronisation.exchangePosts, language)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
