import type { LoaderFunctionArgs } from "@remix-run/node";
import { basemapGeoJson } from "~/modules/map/basemap.server";

/** GET /map/countries/110m.geojson (or 50m): the offline basemap. Never changes within a release. */
export function loader({ params }: LoaderFunctionArgs) {
  const resolution = params.file === "110m.geojson" ? "110m" : params.file === "50m.geojson" ? "50m" : null;
  if (!resolution) throw new Response("Not found", { status: 404 });
  return new Response(basemapGeoJson(resolution), {
    headers: { "Content-Type": "application/geo+json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
