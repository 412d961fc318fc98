import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { hubToJson } from "~/modules/opendata/export.server";
import { languageQuery } from "~/modules/http/params.server";
import { apiNotFound, methodNotAllowed } from "~/modules/http/responses.server";
import { corsPreflight, openDataResponse } from "~/modules/opendata/http.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { publicOrigin } from "~/modules/http/public-url.server";

/** GET /api/hubs/{slug}.json: one public HUB with every public field; anything else is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  const match = /^([a-z0-9-]+)\.json$/.exec(params.file ?? "");
  if (!match) apiNotFound();
  const url = new URL(request.url);
  const language = languageQuery(url);
  const version = await getPublicDataVersion(context.db);
  const hub = await getPublicHub(context.db, { slug: match[1], language, today: isoToday() });
  if (!hub) apiNotFound();
  const origin = publicOrigin(context.env);
  return openDataResponse(request, {
    version,
    body: () => JSON.stringify(hubToJson(hub, language, origin)),
    contentType: "application/json; charset=utf-8",
  });
}

/** Remix sends every non-GET request to the action: answer the CORS preflight, refuse the rest. */
export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  return methodNotAllowed();
}
