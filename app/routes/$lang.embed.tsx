import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { filtersToSearchParams, parseHubFilters } from "~/modules/hubs/hub-filters";
import { publicSdgGoals } from "~/modules/hubs/public-filter-options.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { hubMapLinks, LazyHubMap } from "~/modules/map/lazy-hub-map";
import { parseMapView } from "~/modules/map/map-view";

/** Map only, for member websites' iframes (the security headers allow framing for this path only). */
export const handle = { i18n: ["common", "hubs", "map"], bare: true };

export const links: LinksFunction = hubMapLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const url = new URL(request.url);
  const filters = parseHubFilters(url.searchParams);
  const [goals, t] = await Promise.all([
    publicSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  return json({
    language,
    query: filtersToSearchParams({ ...filters, bbox: undefined }).toString(),
    goals,
    view: parseMapView(url.searchParams.get("map")),
    tileUrl: context.env.MAP_TILE_URL,
    tileAttribution: context.env.MAP_TILE_ATTRIBUTION,
    title: t("siteName"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function EmbedPage() {
  const { language, query, goals, view, tileUrl, tileAttribution } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["map", "common"]);
  const fullMap = `/${language}${query ? `?${query}` : ""}`;
  return (
    <div className="embed">
      <h1 className="visually-hidden">{t("common:home.title")}</h1>
      <LazyHubMap
        fallback={
          <div className="hub-map hub-map--embed hub-map--fallback">
            <p>
              <a href={fullMap} target="_top">
                {t("map:embed.open")}
              </a>
            </p>
          </div>
        }
        className="hub-map hub-map--embed"
        label={t("map:mapLabel")}
        language={language}
        query={query}
        goals={goals}
        view={view}
        tileUrl={tileUrl}
        tileAttribution={tileAttribution}
        linkTarget="_top"
      />
      <p className="embed__credit">
        <a href={fullMap} target="_top">
          {t("map:embed.credit")}
        </a>
      </p>
    </div>
  );
}
