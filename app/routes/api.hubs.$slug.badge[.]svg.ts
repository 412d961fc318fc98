import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPublicDataVersion } from "~/modules/hubs/public-cache.server";
import { languageQuery, slugParam } from "~/modules/http/params.server";
import { methodNotAllowed, notFound } from "~/modules/http/responses.server";
import { findLabelledHub, labelBadgeSvg } from "~/modules/network/label.server";
import { corsPreflight, openDataResponse } from "~/modules/opendata/http.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** GET /api/hubs/{slug}/badge.svg?lang=en|es|fr: the label of a recognised HUB, for its city's website. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  const language = languageQuery(new URL(request.url));
  const [version, hub] = await Promise.all([getPublicDataVersion(context.db), findLabelledHub(context.db, slugParam(params.slug), language)]);
  if (!hub) notFound();
  const svg = await labelBadgeSvg(context.env, hub, language);
  return openDataResponse(request, {
    version,
    body: () => svg,
    contentType: "image/svg+xml; charset=utf-8",
    maxAge: 3600,
    // An SVG opened on its own is a document: no script runs in it, whatever a name holds.
    headers: { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "X-Content-Type-Options": "nosniff" },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(context, request, "public:read");
  if (request.method === "OPTIONS") return corsPreflight();
  return methodNotAllowed();
}
