import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseHubFilters } from "~/modules/hubs/hub-filters";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { streamGeoJson } from "~/modules/opendata/export.server";
import { languageQuery } from "~/modules/http/params.server";
import { methodNotAllowed } from "~/modules/http/responses.server";
import { corsPreflight, openDataResponse } from "~/modules/opendata/http.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { publicOrigin } from "~/modules/http/public-url.server";

/** GET /api/hubs.geojson: every public HUB matching the filters, as an RFC 7946 FeatureCollection. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  const url = new URL(request.url);
  const version = await getPublicDataVersion(context.db);
  const etagProbe = openDataResponse(request, { version, body: () => "", contentType: "application/geo+json" });
  if (etagProbe.status === 304) return etagProbe;
  const options = { language: languageQuery(url), today: isoToday(), filters: parseHubFilters(url.searchParams), origin: publicOrigin(context.env) };
  // Streamed from the database in chunks (opendata/export.server.ts), never built whole in memory.
  const stream = await streamGeoJson(context.db, options);
  return openDataResponse(request, {
    version,
    body: () => stream,
    contentType: "application/geo+json; charset=utf-8",
    headers: { "Content-Disposition": 'inline; filename="local4action-hubs.geojson"' },
  });
}

/** Remix sends every non-GET request to the action: answer the CORS preflight, refuse the rest. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  return methodNotAllowed();
}
