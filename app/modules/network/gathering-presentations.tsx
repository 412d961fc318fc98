import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";

export interface GatheringPresentation {
  event: string;
  starts_on: string;
  slug: string;
  city: string;
  title: string;
}

/** The annual report's list of the HUBs presented at that year's gatherings (Venice City Solutions 2030 …). */
export function GatheringPresentations({ presentations, language }: { presentations: GatheringPresentation[]; language: Language }) {
  const { t } = useTranslation("network");
  if (presentations.length === 0) return null;
  const events = [...new Set(presentations.map((row) => `${row.starts_on}|${row.event}`))];
  return (
    <section aria-labelledby="report-gatherings">
      <h2 id="report-gatherings">{t("report.gatherings")}</h2>
      {events.map((key) => {
        const [startsOn, event] = key.split("|");
        return (
          <div key={key}>
            <h3>
              {event} · {formatDate(startsOn, language)}
            </h3>
            <ul>
              {presentations
                .filter((row) => `${row.starts_on}|${row.event}` === key)
                .map((row) => (
                  <li key={row.slug}>
                    <a href={`/${language}/hubs/${row.slug}`}>{row.title}</a> ({row.city})
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
