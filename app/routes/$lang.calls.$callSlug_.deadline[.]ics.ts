import type { LoaderFunctionArgs } from "@remix-run/node";
import { createEvent } from "ics";
import { getPublicCall } from "~/modules/calls/calls.server";
import { languageParam, slugParam } from "~/modules/http/params.server";
import { publicOrigin } from "~/modules/http/public-url.server";
import { notFound } from "~/modules/http/responses.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** GET /{lang}/calls/{slug}/deadline.ics: the call's deadline as a calendar event (UTC), for any calendar program. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const call = await getPublicCall(context.db, slugParam(params.callSlug), language, new Date());
  // A standing call has no deadline.
  if (!call || !call.closesAt) notFound();
  const origin = publicOrigin(context.env);
  const t = await getTranslator(language);
  const closes = new Date(call.closesAt);
  const { error, value } = createEvent({
    uid: `call-${call.slug}-deadline@${new URL(origin).hostname}`,
    start: closes.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: 0 },
    title: t("calls:ics.summary", { title: call.title }),
    description: t("calls:ics.description", { title: call.title }),
    url: `${origin}/${language}/calls/${call.slug}`,
    productId: "local4action-hubs",
  });
  if (error || !value) throw error ?? new Error("ics: no calendar");
  return new Response(value, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${call.slug}-deadline.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
