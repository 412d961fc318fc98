import { OpenCallBanner } from "~/modules/calls/calls-nav";
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigate, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { filtersToSearchParams, hasFilters, parseHubFilters } from "~/modules/hubs/hub-filters";
import { HubList } from "~/modules/hubs/hub-list";
import { countHubsBySdg, listPublicHubs } from "~/modules/hubs/public-hub-list.server";
import { getFilterOptions, publicSdgGoals } from "~/modules/hubs/public-filter-options.server";
import { publicPageVersion } from "~/modules/hubs/public-cache.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { clientIp } from "~/modules/accounts/route-helpers.server";
import { languageParam } from "~/modules/http/params.server";
import { enforceRateLimit, rateLimitRules } from "~/modules/http/rate-limit.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { HubFilterForm } from "~/modules/map/hub-filter-form";
import { hubMapLinks, LazyHubMap } from "~/modules/map/lazy-hub-map";
import { formatMapView, parseMapView, type MapView } from "~/modules/map/map-view";
import { hrefForView, MapListSwitch, mapPageView } from "~/modules/map/map-list-switch";
import { Pagination } from "~/modules/map/pagination";

export const handle = { i18n: ["common", "hubs", "map"] };

export const links: LinksFunction = hubMapLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const url = new URL(request.url);
  // A text search runs a full-text query: limited per IP (the plain home page is not). The limit's
  // counter and the data version are read at once; the search waits for both.
  const searching = Boolean(url.searchParams.get("q")?.trim());
  const [version] = await Promise.all([publicPageVersion(context), searching ? enforceRateLimit(context, rateLimitRules(context.env).search, clientIp(context)) : undefined]);
  const filters = parseHubFilters(url.searchParams);
  const today = isoToday();
  const page = Number(url.searchParams.get("page") ?? 1) || 1;
  const [list, sdgCounts, options, goals, t] = await Promise.all([
    listPublicHubs(context.db, { language, today, filters, page, version }),
    countHubsBySdg(context.db, { today, filters, version }),
    getFilterOptions(context.db, language, version),
    publicSdgGoals(context.db, language, version),
    getTranslator(language),
  ]);
  return json({
    language,
    filters,
    list,
    sdgCounts,
    // Only the chosen goal's targets travel to the page.
    options: { ...options, targets: filters.sdg ? options.targets.filter((target) => target.goal === filters.sdg) : [] },
    goals,
    view: parseMapView(url.searchParams.get("map")),
    tileUrl: context.env.MAP_TILE_URL,
    tileAttribution: context.env.MAP_TILE_ATTRIBUTION,
    meta: { title: t("home.metaTitle"), description: t("home.metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.meta.title },
        { name: "description", content: data.meta.description },
        { property: "og:title", content: data.meta.title },
        { property: "og:description", content: data.meta.description },
      ]
    : [];

/**
 * Only the filters change the page's data: the map's view (`map`, `links`) and what a narrow screen
 * shows (`show`) are read in the browser, so moving the map or switching to the list asks nothing of the server.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  const dataOf = (url: URL) => {
    const params = new URLSearchParams(url.search);
    params.delete("map");
    params.delete("show");
    params.delete("links");
    return `${url.pathname}?${params}`;
  };
  return dataOf(currentUrl) !== dataOf(nextUrl) || (defaultShouldRevalidate && currentUrl.href === nextUrl.href);
};

export default function HomePage() {
  const { language, filters, list, sdgCounts, options, goals, view, tileUrl, tileAttribution } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["common", "map"]);
  const location = useLocation();
  const navigate = useNavigate();
  const inView = filters.bbox !== undefined;
  const shown = mapPageView(location.search);
  const searchParams = new URLSearchParams(location.search);
  const showLinks = searchParams.get("links") === "1";
  const mapQueryParams = filtersToSearchParams({ ...filters, bbox: undefined });
  if (showLinks) mapQueryParams.set("links", "1");
  const mapQuery = mapQueryParams.toString();

  const onViewChange = useCallback(
    (next: MapView, bbox: [number, number, number, number]) => {
      const params = new URLSearchParams(location.search);
      params.set("map", formatMapView(next));
      if (params.has("bbox")) {
        params.set("bbox", bbox.join(","));
        params.delete("page");
      }
      if (params.toString() !== new URLSearchParams(location.search).toString()) {
        navigate(`?${params}`, { replace: true, preventScrollReset: true });
      }
    },
    [location.search, navigate]
  );

  // The map's lines are a view setting like `map`: in the URL (a view can be shared), read in the browser.
  const toggleLinks = (checked: boolean) => {
    const params = new URLSearchParams(location.search);
    if (checked) params.set("links", "1");
    else params.delete("links");
    navigate(`?${params}`, { replace: true, preventScrollReset: true });
  };

  const toggleInView = (checked: boolean) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (checked) params.set("bbox", currentBbox());
    else params.delete("bbox");
    navigate(`?${params}`, { replace: true, preventScrollReset: true });
  };

  // The first screen is the map with its list beside it (on a phone: the map, or the list);
  // the introduction follows below.
  return (
    <div className={`map-page map-page--show-${shown}`}>
      <div className="map-page__screen">
        <div className="map-page__bar">
          <h1 id="home-title" className="map-page__title">
            {t("home.title")}
          </h1>
          <OpenCallBanner language={language} />
          <HubFilterForm
            action={`/${language}`}
            resetHref={shown === "list" ? `/${language}?show=list` : undefined}
            language={language}
            filters={filters}
            goals={goals}
            sdgCounts={sdgCounts}
            options={options}
            hidden={{ map: searchParams.get("map") ?? undefined, bbox: filters.bbox?.join(","), show: shown === "list" ? "list" : undefined, links: showLinks ? "1" : undefined }}
          />
        </div>
        <MapListSwitch view={shown} search={location.search} />
        <div className="map-page__body">
          <a className="skip-link map-page__skip" href="#hub-list-title">
            {t("map:skipMap")}
          </a>
          <LazyHubMap
            fallback={
              <div className="hub-map hub-map--fallback">
                <p>
                  {t("map:noScript")} <a href={hrefForView(location.search, "list", "#hub-list-title")}>{t("map:showList")}</a>
                </p>
              </div>
            }
            language={language}
            query={mapQuery}
            goals={goals}
            view={view}
            tileUrl={tileUrl}
            tileAttribution={tileAttribution}
            onViewChange={onViewChange}
            label={t("map:mapLabel")}
          />
          <section aria-labelledby="hub-list-title" className="map-page__list">
            <h2 id="hub-list-title" tabIndex={-1}>
              {t("home.listTitle", { count: list.total, formattedCount: formatNumber(list.total, language) })}
            </h2>
            <ClientOnly>
              {() => (
                <div className="map-toggles">
                  <p className="in-view-toggle">
                    <input id="in-view" type="checkbox" key={String(inView)} defaultChecked={inView} onChange={(event) => toggleInView(event.currentTarget.checked)} />
                    <label htmlFor="in-view">{t("map:inView")}</label>
                  </p>
                  <p className="in-view-toggle">
                    <input id="sync-lines" type="checkbox" key={String(showLinks)} defaultChecked={showLinks} onChange={(event) => toggleLinks(event.currentTarget.checked)} />
                    <label htmlFor="sync-lines">{t("map:syncLines")}</label>
                  </p>
                </div>
              )}
            </ClientOnly>
            {hasFilters(filters) ? (
              <p className="map-page__matching" role="status">
                {t("map:matching", { count: list.total, formattedCount: formatNumber(list.total, language) })}
              </p>
            ) : null}
            <HubList hubs={list.hubs} goals={goals} language={language} />
            <Pagination page={list.page} pageCount={list.pageCount} search={location.search} language={language} />
          </section>
        </div>
      </div>
      <section className="map-page__about" aria-labelledby="about-title">
        <h2 id="about-title">{t("map:aboutTitle")}</h2>
        <p className="lead">{t("home.lead")}</p>
        <p className="map-page__data-links">
          <a href={`/${language}/open-data`}>{t("map:openDataLink")}</a> · <a href={`/${language}/about`}>{t("map:aboutLink")}</a> · <a href={`/${language}/calls`}>{t("common:nav.calls")}</a>
        </p>
      </section>
    </div>
  );
}

/** The visible box is read from the URL's view when the map has not reported one yet. */
function currentBbox(): string {
  const element = document.querySelector(".hub-map") as HTMLElement | null;
  return element?.dataset.bbox ?? "-180,-85,180,85";
}
