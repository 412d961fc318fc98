import type { Env } from "~/modules/config/env.server";
import { publicOrigin } from "~/modules/http/public-url.server";
import type { Language } from "~/modules/i18n/config";
import { getTranslator } from "~/modules/i18n/i18next.server";
import type { CalendarEvent } from "./events";
import { calendarToIcs } from "./ics.server";

/** The events as an .ics document in `language`: each described by its kind and its HUB or the HUBs presented. */
export async function eventsIcs(env: Pick<Env, "PUBLIC_URL" | "PORT">, events: CalendarEvent[], language: Language): Promise<string> {
  const t = await getTranslator(language);
  return calendarToIcs(events, {
    origin: publicOrigin(env),
    language,
    calendarName: t("network:events.calendarName"),
    describe: (event) =>
      [
        t(`network:events.kinds.${event.kind}`),
        event.hub ? t("network:events.ofHub", { hub: event.hub.title }) : null,
        event.presentedHubs.length ? t("network:events.presented", { hubs: event.presentedHubs.map((hub) => hub.title).join(", ") }) : null,
      ]
        .filter(Boolean)
        .join("\n"),
  });
}
