import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { readiness } from "~/modules/config/readiness.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/**
 * Readiness, for a load balancer or an orchestrator deciding whether to send traffic here: the
 * database answers and every migration of this build is applied (an upgrade's migrations ran).
 * `/healthz` stays the liveness check.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  const state = await readiness(context.db);
  return json({ ...state, database: context.dbKind }, { status: state.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
