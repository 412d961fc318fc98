import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/http/responses.server";
import { basemapResponse, parseBasemapFileName } from "~/modules/map/basemap.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

/** GET /map/countries/110m.geojson (or 50m): the offline basemap, gzipped, cached a week, with an ETag. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "public:read");
  const resolution = parseBasemapFileName(params.file);
  if (!resolution) notFound();
  return basemapResponse(request, resolution);
}
