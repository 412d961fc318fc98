import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WORLD_REGIONS } from "~/modules/hubs/hub-filters";
import { isoToday } from "~/modules/hubs/lifecycle";
import { publicSdgGoals } from "~/modules/hubs/public-filter-options.server";
import { languageParam } from "~/modules/http/params.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { eventFiltersToSearch, parseEventFilters, type CalendarEvent } from "~/modules/network/events";
import { listCalendarEvents } from "~/modules/network/events.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { ExternalLink } from "~/ui/external-link";

export const handle = { i18n: ["common", "map", "network"] };

/** /{lang}/events: the network's calendar (HUB activities and network events), filtered by the URL. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const filters = parseEventFilters(new URL(request.url).searchParams);
  const [events, goals, t] = await Promise.all([
    listCalendarEvents(context.db, { language, today: isoToday(), filters }),
    publicSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  return json({ language, filters, events, goals: goals.map((goal) => ({ number: goal.number, short: goal.short })), title: t("network:events.title"), lead: t("network:events.lead") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "description", content: data.lead }] : []);

export default function EventsPage() {
  const { language, filters, events, goals } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["network", "map"]);
  const search = eventFiltersToSearch(filters);
  const months = groupByMonth(events, language);
  return (
    <div className="container events-page">
      <h1>{t("events.title")}</h1>
      <p>{t("events.lead")}</p>
      <Form method="get" className="form events-filters" role="search" aria-label={t("events.filters")}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="events-when">{t("events.when")}</label>
            <select id="events-when" name="when" defaultValue={filters.when}>
              <option value="upcoming">{t("events.upcoming")}</option>
              <option value="past">{t("events.past")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="events-kind">{t("events.kind")}</label>
            <select id="events-kind" name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">{t("events.allKinds")}</option>
              <option value="hub">{t("events.hubActivities")}</option>
              <option value="network">{t("events.networkEvents")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="events-region">{t("map:filters.region")}</label>
            <select id="events-region" name="region" defaultValue={filters.region ?? ""}>
              <option value="">{t("map:filters.any")}</option>
              {WORLD_REGIONS.map((region) => (
                <option key={region} value={region}>
                  {t(`map:regions.${region}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="events-sdg">{t("map:filters.sdg")}</label>
            <select id="events-sdg" name="sdg" defaultValue={filters.sdg ?? ""}>
              <option value="">{t("map:filters.any")}</option>
              {goals.map((goal) => (
                <option key={goal.number} value={goal.number}>
                  {goal.number}. {goal.short}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="field-help">{t("events.filterHelp")}</p>
        <button type="submit" className="button">
          {t("events.apply")}
        </button>
      </Form>
      <p>
        <a href={`/${language}/events.ics${search}`}>{t("events.subscribe")}</a>
      </p>
      {events.length === 0 ? <p className="empty">{t("events.none")}</p> : null}
      {months.map(([month, monthEvents]) => (
        <section key={month} aria-labelledby={`events-${month}`}>
          <h2 id={`events-${month}`}>{monthEvents[0].monthLabel}</h2>
          <ul className="event-list">
            {monthEvents.map(({ event }) => (
              <li key={event.uid} className={`event event--${event.kind}`}>
                <p className="event__date">
                  {event.endsOn !== event.startsOn
                    ? t("events.range", { start: formatDate(event.startsOn, language), end: formatDate(event.endsOn, language) })
                    : formatDate(event.startsOn, language)}{" "}
                  · {t(`events.kinds.${event.kind}`)}
                </p>
                <h3 className="event__title">{event.url ? <ExternalLink href={event.url}>{event.title}</ExternalLink> : event.title}</h3>
                <p>
                  {event.hub ? (
                    <>
                      <a href={`/${language}/hubs/${event.hub.slug}`}>{event.hub.title}</a>
                      {event.location ? ` · ${event.location}` : ""}
                    </>
                  ) : (
                    event.location
                  )}
                </p>
                {event.presentedHubs.length > 0 ? (
                  <p>
                    {t("events.presentedLabel")}{" "}
                    {event.presentedHubs.map((hub, index) => (
                      <span key={hub.slug}>
                        {index > 0 ? ", " : ""}
                        <a href={`/${language}/hubs/${hub.slug}`}>{hub.title}</a>
                      </span>
                    ))}
                  </p>
                ) : null}
                <p>
                  <a href={`/${language}/events/${event.uid}.ics`} aria-label={t("events.addOneLabel", { title: event.title })}>
                    {t("events.addOne")}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function groupByMonth(events: CalendarEvent[], language: string) {
  const groups = new Map<string, { event: CalendarEvent; monthLabel: string }[]>();
  for (const event of events) {
    const month = event.startsOn.slice(0, 7);
    const monthLabel = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
    groups.set(month, [...(groups.get(month) ?? []), { event, monthLabel }]);
  }
  return [...groups.entries()];
}
