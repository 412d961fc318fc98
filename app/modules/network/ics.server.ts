import { createEvents, type EventAttributes } from "ics";
import type { Language } from "~/modules/i18n/config";
import type { CalendarEvent } from "./events";

/**
 * The calendar as iCalendar (RFC 5545), written by the `ics` package: all-day events (a HUB
 * activity is one day, a network event its days, DTEND exclusive), UIDs stable across the feed and
 * the one-event file so a calendar that subscribed and imported does not show an event twice.
 */
export function calendarToIcs(events: CalendarEvent[], { origin, language, calendarName, describe }: { origin: string; language: Language; calendarName: string; describe: (event: CalendarEvent) => string }): string {
  if (events.length === 0) return emptyCalendar(calendarName);
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: `${event.uid}@local4action-hubs`,
    title: event.title,
    description: describe(event),
    location: event.location || undefined,
    url: event.url ?? (event.hub ? `${origin}/${language}/hubs/${event.hub.slug}` : `${origin}/${language}/events`),
    start: dateArray(event.startsOn),
    end: dateArray(nextDay(event.endsOn)),
    productId: "local4action-hubs/ics",
    calName: calendarName,
  }));
  const { error, value } = createEvents(attributes);
  if (error || !value) throw error ?? new Error("ics: no calendar");
  return value;
}

/** `ics` refuses an empty list; a feed with no event is still a valid calendar. */
function emptyCalendar(name: string): string {
  const escaped = name.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\n/g, "\\n");
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "PRODID:local4action-hubs/ics", "METHOD:PUBLISH", `X-WR-CALNAME:${escaped}`, "END:VCALENDAR", ""].join("\r\n");
}

function dateArray(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split("-").map(Number);
  return [year, month, day];
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function icsResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
