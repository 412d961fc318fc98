import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a narrow screen shows of the map page: the map (the default) or its list. */
export type MapPageView = "map" | "list";

/** `show=list` in the URL asks for the list; anything else is the map. */
export function mapPageView(search: string): MapPageView {
  return new URLSearchParams(search).get("show") === "list" ? "list" : "map";
}

/** The URL of the same page, filters kept, showing `view` on a narrow screen. */
export function hrefForView(search: string, view: MapPageView, hash = ""): string {
  const params = new URLSearchParams(search);
  if (view === "list") params.set("show", "list");
  else params.delete("show");
  const query = params.toString();
  return `${query ? `?${query}` : "?"}${hash}`;
}

/**
 * The Map / List switch of narrow screens (map.css hides it on wide ones, where both show side by
 * side). Plain links, so it works without JavaScript; with it, a client-side navigation.
 */
export function MapListSwitch({ view, search }: { view: MapPageView; search: string }) {
  const { t } = useTranslation("map");
  return (
    <nav className="view-switch" aria-label={t("view.label")}>
      <ul>
        {(["map", "list"] as const).map((target) => (
          <li key={target}>
            <Link to={hrefForView(search, target)} replace preventScrollReset aria-current={view === target ? "true" : undefined}>
              {t(`view.${target}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
