import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";

const DAY = 86_400_000;

/** The HUB's timeline as a bar from start to end, with today marked; the same facts in text for every reader. */
export function HubTimeline({ start, end, today, language }: { start: string; end: string; today: string; language: Language }) {
  const { t } = useTranslation("hub");
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const fraction = Math.max(0, Math.min(1, (todayMs - startMs) / Math.max(DAY, endMs - startMs)));
  const percent = Math.round(fraction * 100);
  const phase = todayMs < startMs ? "before" : todayMs > endMs ? "after" : "during";
  return (
    <div className="timeline">
      <p className="timeline__text">
        {t("timeline.range", { start: formatDate(start, language, "long"), end: formatDate(end, language, "long") })}{" "}
        {t(`timeline.${phase}`, { percent, today: formatDate(today, language, "long") })}
      </p>
      <div className="timeline__bar" aria-hidden="true">
        <div className="timeline__elapsed" style={{ width: `${percent}%` }} />
        <div className="timeline__today" style={{ left: `${percent}%` }}>
          <span className="timeline__today-label">{t("timeline.today")}</span>
        </div>
      </div>
      <div className="timeline__ends" aria-hidden="true">
        <span>{formatDate(start, language)}</span>
        <span>{formatDate(end, language)}</span>
      </div>
    </div>
  );
}
