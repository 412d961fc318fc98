import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseHubFilters } from "~/modules/hubs/hub-filters";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { streamCsv } from "~/modules/opendata/export.server";
import { languageQuery } from "~/modules/http/params.server";
import { methodNotAllowed } from "~/modules/http/responses.server";
import { corsPreflight, openDataResponse } from "~/modules/opendata/http.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { publicOrigin } from "~/modules/http/public-url.server";

/** GET /api/hubs.csv: the same rows as the GeoJSON, one HUB a line, lists joined with ";". */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  const url = new URL(request.url);
  const version = await getPublicDataVersion(context.db);
  const etagProbe = openDataResponse(request, { version, body: () => "", contentType: "text/csv" });
  if (etagProbe.status === 304) return etagProbe;
  const language = languageQuery(url);
  const options = { language, today: isoToday(), filters: parseHubFilters(url.searchParams), origin: publicOrigin(context.env) };
  // Streamed from the database in chunks (opendata/export.server.ts), never built whole in memory.
  const stream = await streamCsv(context.db, options);
  return openDataResponse(request, {
    version,
    body: () => stream,
    contentType: "text/csv; charset=utf-8; header=present",
    headers: { "Content-Disposition": `attachment; filename="local4action-hubs-${language}.csv"` },
  });
}

/** Remix sends every non-GET request to the action: answer the CORS preflight, refuse the rest. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  return methodNotAllowed();
}
