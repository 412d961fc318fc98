import type { LoaderFunctionArgs } from "@remix-run/node";
import { languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { getCalendarEvent } from "~/modules/network/events.server";
import { eventsIcs } from "~/modules/network/events-page.server";
import { icsResponse } from "~/modules/network/ics.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** /{lang}/events/{uid}.ics: one event of the calendar, to add to one's own. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const match = /^((?:hub|network)-\d{1,10})\.ics$/.exec(params.file ?? "");
  const event = match ? await getCalendarEvent(context.db, match[1], language) : null;
  if (!event) notFound();
  return icsResponse(await eventsIcs(context.env, [event], language), `${event.uid}.ics`);
}
