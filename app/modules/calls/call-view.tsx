import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDateTime } from "~/modules/i18n/format";
import type { CallState } from "./call-lifecycle";

/** A call's state as a badge (the words come from the locales, so every language has them). */
export function CallStateBadge({ state }: { state: CallState }) {
  const { t } = useTranslation("calls");
  return <span className={`badge badge--call-${state}`}>{t(`state.${state}`)}</span>;
}

/** The deadline in the reader's language with its time zone named, and the time left (computed on the server at `now`). */
export function CallDeadline({ closesAt, timeLeft, language }: { closesAt: string | null; timeLeft: { days: number; hours: number; closed: boolean } | null; language: Language }) {
  const { t } = useTranslation("calls");
  if (!closesAt) return <p>{t("deadline.standing")}</p>;
  return (
    <p className="call-deadline">
      <strong>{t("deadline.label")}</strong> <time dateTime={closesAt}>{formatDateTime(closesAt, language)}</time>
      {timeLeft && !timeLeft.closed ? <> · {t("deadline.left", { days: timeLeft.days, hours: timeLeft.hours })}</> : null}
    </p>
  );
}

export interface CallListItem {
  id: number;
  slug: string;
  state: CallState;
  title: string;
  titleLanguage: Language;
  summary: string;
  summaryLanguage: Language;
  opensAt: string;
  closesAt: string | null;
}

/** A list of calls with their title, summary and key dates. */
export function CallList({ calls, language, headingLevel = 3 }: { calls: CallListItem[]; language: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("calls");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="call-list">
      {calls.map((call) => (
        <li key={call.id} className="panel call-list__item">
          <Heading lang={call.titleLanguage}>
            <Link to={`/${language}/calls/${call.slug}`}>{call.title}</Link>
          </Heading>
          <p>
            <CallStateBadge state={call.state} />
          </p>
          {call.summary ? <p lang={call.summaryLanguage}>{call.summary}</p> : null}
          <p>
            {call.state === "scheduled" ? (
              <>
                {t("dates.opens")} <time dateTime={call.opensAt}>{formatDateTime(call.opensAt, language)}</time>
              </>
            ) : call.closesAt ? (
              <>
                {call.state === "open" ? t("dates.closes") : t("dates.closed")} <time dateTime={call.closesAt}>{formatDateTime(call.closesAt, language)}</time>
              </>
            ) : (
              t("deadline.standing")
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
