import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { getPublicHub } from "~/modules/hubs/public-hub-detail.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { hubToJson } from "~/modules/opendata/export.server";
import { corsPreflight, languageParam, openDataResponse } from "~/modules/opendata/http.server";

/** GET /api/hubs/{slug}.json: one public HUB with every public field; anything else is a 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight();
  const match = /^([a-z0-9-]+)\.json$/.exec(params.file ?? "");
  const notFound = () =>
    new Response(JSON.stringify({ error: "not_found" }), {
      status: 404,
      headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" },
    });
  if (!match) throw notFound();
  const url = new URL(request.url);
  const language = languageParam(url);
  const version = await getPublicDataVersion(context.db);
  const hub = await getPublicHub(context.db, { slug: match[1], language, today: isoToday() });
  if (!hub) throw notFound();
  const origin = context.env.PUBLIC_URL ?? url.origin;
  return openDataResponse(request, {
    version,
    body: () => JSON.stringify(hubToJson(hub, language, origin)),
    contentType: "application/json; charset=utf-8",
  });
}

/** Remix sends every non-GET request to the action: answer the CORS preflight, refuse the rest. */
export function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return corsPreflight();
  return new Response("Method not allowed", { status: 405, headers: { Allow: "GET, HEAD, OPTIONS" } });
}
