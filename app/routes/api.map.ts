import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parseBbox, parseHubFilters } from "~/modules/hubs/hub-filters";
import { isoToday } from "~/modules/hubs/lifecycle";
import { getMapData } from "~/modules/map/clusters.server";
import { languageQuery } from "~/modules/http/params.server";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { methodNotAllowed } from "~/modules/http/responses.server";
import { enforceRateLimit, rateLimitRules } from "~/modules/http/rate-limit.server";
import { corsPreflight, openDataResponse } from "~/modules/opendata/http.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** GET /api/map?bbox=w,s,e,n&zoom=z&lang=xx&<filters>[&links=1]: clusters and HUBs in view (never every point), and with links=1 the lines of accepted synchronisations. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  await enforceRateLimit(context, rateLimitRules(context.env).search, clientIp(context), {
    body: JSON.stringify({ error: "too_many_requests" }),
    contentType: "application/json; charset=utf-8",
  });
  const url = new URL(request.url);
  const filters = parseHubFilters(url.searchParams);
  const bbox = parseBbox(url.searchParams.get("bbox")) ?? [-180, -85, 180, 85];
  const zoom = Number(url.searchParams.get("zoom") ?? 2);
  // `version`: the data version of the index that answered (a large map's index is rebuilt in the background).
  const { version, ...data } = await getMapData(context.db, {
    filters,
    bbox,
    zoom: Number.isFinite(zoom) ? zoom : 2,
    language: languageQuery(url),
    today: isoToday(),
    links: url.searchParams.get("links") === "1",
  });
  return openDataResponse(request, { version, body: () => JSON.stringify(data), contentType: "application/json; charset=utf-8", maxAge: 60 });
}

/** Remix sends every non-GET request to the action: answer the CORS preflight, refuse the rest. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  return methodNotAllowed();
}
