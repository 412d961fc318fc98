import type { LoaderFunctionArgs } from "@remix-run/node";
import { isoToday } from "~/modules/hubs/lifecycle";
import { languageParam } from "~/modules/http/params.server";
import { parseEventFilters } from "~/modules/network/events";
import { listCalendarEvents } from "~/modules/network/events.server";
import { eventsIcs } from "~/modules/network/events-page.server";
import { icsResponse } from "~/modules/network/ics.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** /{lang}/events.ics: the calendar as an iCalendar feed, with the page's filters. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const filters = parseEventFilters(new URL(request.url).searchParams);
  const events = await listCalendarEvents(context.db, { language, today: isoToday(), filters });
  return icsResponse(await eventsIcs(context.env, events, language), "local4action-events.ics");
}
