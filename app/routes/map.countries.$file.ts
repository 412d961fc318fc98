import type { LoaderFunctionArgs } from "@remix-run/node";
import { basemapResponse, parseBasemapFileName } from "~/modules/map/basemap.server";

/** GET /map/countries/110m.geojson (or 50m): the offline basemap, gzipped, cached a week, with an ETag. */
export function loader({ request, params }: LoaderFunctionArgs) {
  const resolution = parseBasemapFileName(params.file);
  if (!resolution) throw new Response("Not found", { status: 404 });
  return basemapResponse(request, resolution);
}
