import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit, requestSource } from "~/modules/audit/audit.server";
import { callEvaluation, rankedCsv, type RankedSort } from "~/modules/calls/evaluation.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** A call's ranked table as CSV, in the page's order (the one CSV writer keeps typed titles from running as formulas). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "call:results");
  const callId = idParam(params.callId);
  const requested = new URL(request.url).searchParams.get("sort");
  const sort: RankedSort = requested === "title" || requested === "city" ? requested : "rank";
  const evaluation = await callEvaluation(context.db, callId, language, sort);
  if (!evaluation) notFound();
  await recordAudit(context.db, { entity: "export", entityId: callId, actorUserId: user.id, action: "export_call_ranking_csv", source: requestSource(context, request) });
  return new Response(rankedCsv(evaluation), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="call-${callId}-ranking.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
