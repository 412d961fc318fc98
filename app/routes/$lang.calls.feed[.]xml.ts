import type { LoaderFunctionArgs } from "@remix-run/node";
import { listAllCalls } from "~/modules/calls/calls.server";
import { isPublicCallState } from "~/modules/calls/call-lifecycle";
import { languageParam } from "~/modules/http/params.server";
import { publicOrigin } from "~/modules/http/public-url.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { toAtom } from "~/modules/opendata/feed.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/**
 * GET /{lang}/calls/feed.xml: an Atom feed of the public calls for proposals, newest first, each
 * entry updated when it was scheduled, opened, closed or its results published. No ETag from the
 * data version: a call opens and closes by the clock, so a short max-age bounds how stale it gets.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const origin = publicOrigin(context.env);
  const now = new Date();
  const [calls, t] = await Promise.all([listAllCalls(context.db, language, now), getTranslator(language)]);
  const milestone = (call: (typeof calls)[number]) => {
    if (call.state === "results_published") return call.resultsPublishedAt!;
    if (call.state === "closed") return call.closesAt!;
    return call.opensAt;
  };
  const entries = calls
    .filter((call) => isPublicCallState(call.state))
    .map((call) => ({
      id: `${origin}/calls/${call.slug}#${call.state}`,
      title: t("calls:feed.entry", { title: call.title, state: t(`calls:state.${call.state}`) }),
      url: `${origin}/${language}/calls/${call.slug}`,
      updated: new Date(milestone(call)).toISOString(),
      summary: call.summary,
      textLanguage: call.summaryLanguage,
      status: call.state,
      statusLabel: t(`calls:state.${call.state}`),
    }))
    .sort((a, b) => b.updated.localeCompare(a.updated));
  const body = toAtom({
    id: `${origin}/${language}/calls/feed.xml`,
    title: t("calls:feed.title"),
    subtitle: t("calls:public.lead"),
    language,
    selfUrl: `${origin}/${language}/calls/feed.xml`,
    siteUrl: `${origin}/${language}/calls`,
    entries,
  });
  return new Response(body, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
