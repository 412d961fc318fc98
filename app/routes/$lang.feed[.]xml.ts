import type { LoaderFunctionArgs } from "@remix-run/node";
import { isoToday } from "~/modules/hubs/lifecycle";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listFeedEntries, toAtom } from "~/modules/opendata/feed.server";
import { openDataResponse } from "~/modules/opendata/http.server";
import { publicOrigin } from "~/modules/http/public-url.server";

/** GET /{lang}/feed.xml: Atom feed of newly recognised HUBs (and published progress updates, once they exist). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const origin = publicOrigin(context.env);
  const [version, entries, t] = await Promise.all([
    getPublicDataVersion(context.db),
    listFeedEntries(context.db, { language, origin, today: isoToday() }),
    getTranslator(language),
  ]);
  return openDataResponse(request, {
    version,
    maxAge: 600,
    contentType: "application/atom+xml; charset=utf-8",
    body: () =>
      toAtom({
        id: `${origin}/${language}/feed.xml`,
        title: t("opendata:feed.title"),
        subtitle: t("opendata:feed.subtitle"),
        language,
        selfUrl: `${origin}/${language}/feed.xml`,
        siteUrl: `${origin}/${language}`,
        entries: entries.map((entry) => ({
          ...entry,
          title: entry.kind === "progress" ? t("opendata:feed.progress", { title: entry.title }) : t("opendata:feed.recognised", { title: entry.title }),
          statusLabel: t(`hubs:status.${entry.status}`),
        })),
      }),
  });
}
