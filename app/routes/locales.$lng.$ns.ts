import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/modules/i18n/config";
import { resources } from "~/modules/i18n/i18next.server";

/** The browser's i18next loads its namespaces from here. */
export function loader({ params }: LoaderFunctionArgs) {
  const namespace = params.ns?.replace(/\.json$/, "");
  const bundle = isLanguage(params.lng) && namespace ? resources[params.lng]?.[namespace] : undefined;
  if (!bundle) throw new Response("Not found", { status: 404 });
  return json(bundle, { headers: { "Cache-Control": "public, max-age=300, stale-while-revalidate=86400" } });
}
