import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** Liveness and database reachability, for load balancers and monitors. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  const headers = { "Cache-Control": "no-store" };
  try {
    await sql`select 1`.execute(context.db);
    return json({ ok: true, database: context.dbKind }, { headers });
  } catch {
    return json({ ok: false, database: context.dbKind }, { status: 503, headers });
  }
}
