import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";
import { ExternalLink } from "~/ui/external-link";

export interface CommunicationPlanData {
  channels: string | null;
  events: { name: string; date: string }[];
  documents: { title: string; url: string }[];
}

/** A HUB's communication plan: channels, dated events, reference documents (links were checked as http/https on input). */
export function CommunicationPlan({
  plan,
  language,
  eventsHeading,
  documentsHeading,
}: {
  plan: CommunicationPlanData;
  language: Language;
  eventsHeading?: string;
  documentsHeading?: string;
}) {
  return (
    <>
      {plan.channels ? <p className="preserve-lines">{plan.channels}</p> : null}
      {plan.events.length > 0 ? (
        <>
          {eventsHeading ? <h3>{eventsHeading}</h3> : null}
          <ul>
            {plan.events.map((event, index) => (
              <li key={index}>
                <time dateTime={event.date}>{formatDate(event.date, language)}</time>: {event.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.documents.length > 0 ? (
        <>
          {documentsHeading ? <h3>{documentsHeading}</h3> : null}
          <ul>
            {plan.documents.map((document, index) => (
              <li key={index}>
                <ExternalLink href={document.url}>{document.title}</ExternalLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
