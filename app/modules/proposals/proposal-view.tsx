import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Language } from "~/modules/i18n/config";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { formatDate, formatNumber } from "~/modules/i18n/format";
import { CommunicationPlan } from "./communication-plan";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import type { ProposalFormOptions } from "./proposal-form-types";
import { TEXT_FIELDS } from "./text-fields";
import { ExternalLink } from "~/ui/external-link";

type Texts = Partial<Record<(typeof TEXT_FIELDS)[number], string>>;

export interface ProposalViewValues extends Texts {
  originalLanguage: Language;
  translations: Partial<Record<Language, Texts>>;
  themeId?: number;
  latitude: number;
  longitude: number;
  participants: number[];
  goals: number[];
  primaryGoal?: number;
  targets: string[];
  startDate: string;
  endDate: string;
  outcomes: { statement: string; indicator: string; baseline?: number; targetValue?: number; unit?: string; milestone?: string; dueDate: string }[];
  partners: { name: string }[];
  synchronisedHubs: number[];
  channels?: string;
  events: { name: string; date: string }[];
  documents: { title: string; url: string }[];
  contactEmail?: string;
  website?: string;
}

/** A proposal read-only, every text shown as text (React escapes it), in its original language with the translations below. */
export function ProposalView({ values, options, language }: { values: ProposalViewValues; options: ProposalFormOptions; language: Language }) {
  const { t } = useTranslation("proposals");
  const original = values.originalLanguage;
  const goalByNumber = new Map(options.goals.map((goal) => [goal.number, goal]));
  return (
    <div className="proposal-view">
      <dl className="facts">
        <dt>{t("form.originalLanguage.label")}</dt>
        <dd>{t(`common:languages.${original}`)}</dd>
        <dt>{t("form.themeId.label")}</dt>
        <dd>{options.themes.find((theme) => theme.id === values.themeId)?.name ?? "—"}</dd>
        <dt>{t("view.timeline")}</dt>
        <dd>
          {formatDate(values.startDate, language)} – {formatDate(values.endDate, language)}
        </dd>
        <dt>{t("view.location")}</dt>
        <dd>
          {formatNumber(values.latitude, language, { maximumFractionDigits: 5 })}, {formatNumber(values.longitude, language, { maximumFractionDigits: 5 })}
        </dd>
        <dt>{t("form.contactEmail.label")}</dt>
        <dd>{values.contactEmail ?? "—"}</dd>
        <dt>{t("form.website.label")}</dt>
        <dd>{values.website ? <ExternalLink href={values.website} /> : "—"}</dd>
      </dl>
      <section lang={original}>
        {TEXT_FIELDS.map((field) => (
          <div key={field} className="view-text">
            <h3 lang={language}>{t(`form.${field}.label`)}</h3>
            <p className="preserve-lines">{values[field] ?? "—"}</p>
          </div>
        ))}
      </section>
      <h3>{t("form.goals.label")}</h3>
      <ul className="sdg-chips">
        {values.goals.map((number) => {
          const goal = goalByNumber.get(number);
          return goal ? (
            <li key={number}>
              <SdgChip goal={goal} primary={number === values.primaryGoal} />
            </li>
          ) : null;
        })}
      </ul>
      {values.targets.length ? (
        <ul>
          {values.targets.map((id) => (
            <li key={id}>
              <strong>{id}</strong> {options.targets.find((target) => target.id === id)?.title}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t("form.outcomes.label")}</h3>
      <OutcomeTable outcomes={values.outcomes} language={language} />
      <h3>{t("form.participants.label")}</h3>
      <ul>
        {values.participants.map((id) => (
          <li key={id}>{options.organisations.find((organisation) => organisation.id === id)?.name}</li>
        ))}
      </ul>
      <h3>{t("form.partners.label")}</h3>
      <ul>
        {values.partners.map((partner, index) => (
          <li key={index}>{partner.name}</li>
        ))}
      </ul>
      <h3>{t("form.synchronisedHubs.label")}</h3>
      <ul>
        {values.synchronisedHubs.map((id) => (
          <li key={id}>{options.hubs.find((hub) => hub.id === id)?.title ?? `#${id}`}</li>
        ))}
      </ul>
      <h3>{t("form.sections.communication")}</h3>
      {values.channels || values.events.length > 0 || values.documents.length > 0 ? (
        <CommunicationPlan plan={{ channels: values.channels ?? null, events: values.events, documents: values.documents }} language={language} />
      ) : (
        <p>—</p>
      )}
      <h3>{t("form.sections.translations")}</h3>
      {SUPPORTED_LANGUAGES.filter((other) => other !== original).map((other) => (
        <section key={other}>
          <h4>{t("form.translationInto", { language: t(`common:languages.${other}`) })}</h4>
          <dl>
            {TEXT_FIELDS.map((field) => {
              const text = values.translations[other]?.[field];
              return (
                <div key={field}>
                  <dt>{t(`form.${field}.label`)}</dt>
                  {text ? (
                    <dd lang={other} className="preserve-lines">
                      {text}
                    </dd>
                  ) : (
                    <dd className="missing">{t("form.translationMissing")}</dd>
                  )}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}

export function OutcomeTable({ outcomes, language }: { outcomes: ProposalViewValues["outcomes"]; language: Language }) {
  const { t } = useTranslation("proposals");
  if (!outcomes.length) return <p>—</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("form.outcomes.statement")}</th>
          <th scope="col">{t("form.outcomes.indicator")}</th>
          <th scope="col">{t("form.outcomes.baseline")}</th>
          <th scope="col">{t("form.outcomes.targetValue")}</th>
          <th scope="col">{t("form.outcomes.milestone")}</th>
          <th scope="col">{t("form.outcomes.dueDate")}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((outcome, index) => (
          <tr key={index}>
            <td>{outcome.statement}</td>
            <td>{outcome.indicator}</td>
            <td>{outcome.baseline !== undefined ? formatNumber(outcome.baseline, language) : "—"}</td>
            <td>
              {outcome.targetValue !== undefined ? `${formatNumber(outcome.targetValue, language)} ${outcome.unit ?? ""}` : "—"}
            </td>
            <td>{outcome.milestone ?? "—"}</td>
            <td>{formatDate(outcome.dueDate, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface HistoryEntry {
  id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  at: string;
  actor_name: string | null;
}

/**
 * An event's own label ("Submitted", "Recognised by the secretariat"), which already names the status
 * it led to; an event without one shows its real transition ("Draft → Submitted") instead.
 */
function historyLabel(entry: HistoryEntry, t: TFunction<["proposals", "hubs"]>): string {
  const own = t(`proposals:history.${entry.action}`, { defaultValue: "" });
  if (own) return own;
  if (entry.to_status && entry.from_status && entry.from_status !== entry.to_status) {
    return `${t(`hubs:status.${entry.from_status}`)} → ${t(`hubs:status.${entry.to_status}`)}`;
  }
  return entry.action;
}

/** Every status change and message, oldest first. */
export function HistoryList({ entries, language }: { entries: HistoryEntry[]; language: Language }) {
  const { t } = useTranslation(["proposals", "hubs"]);
  if (!entries.length) return <p>—</p>;
  return (
    <ol className="history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p>
            <time dateTime={entry.at}>{formatDate(entry.at, language)}</time> · {historyLabel(entry, t)}
            {entry.actor_name ? ` · ${entry.actor_name}` : ""}
          </p>
          {entry.comment ? <blockquote className="preserve-lines">{entry.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
