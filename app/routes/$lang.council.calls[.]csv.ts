import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { callStatistics, statisticsCsv } from "~/modules/calls/stats.server";
import { languageParam, parseId } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** The call statistics as CSV (one call with ?call=, else every call), labels in the page's language. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:results");
  const callId = parseId(new URL(request.url).searchParams.get("call"));
  const [stats, t] = await Promise.all([callStatistics(context.db, language, callId), getTranslator(language)]);
  const label = (dimension: string, key: string | number) =>
    dimension === "status" ? t(`hubs:status.${key}`) : dimension === "region" ? t(`accounts:regions.${key}`) : dimension === "sdg" ? t("calls:stats.sdg", { number: key }) : String(key || t("calls:stats.noTheme"));
  await recordAudit(context.db, { entity: "export", entityId: callId, actorUserId: user.id, action: "export_call_statistics_csv", source: requestSource(context, request) });
  return new Response(statisticsCsv(stats, label), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="call-statistics${callId ? `-${callId}` : ""}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
