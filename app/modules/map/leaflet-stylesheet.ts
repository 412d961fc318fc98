import leafletStyles from "leaflet/dist/leaflet.css";

let pending: Promise<void> | undefined;

/**
 * Leaflet's stylesheet, added to the page when a map is first shown, in the browser only.
 *
 * The maps are client-only (rendered after hydration), so the server-rendered page never needs
 * Leaflet's rules: loading them with the page made them one more render-blocking request on every
 * page with a map (Lighthouse, mobile). The map module waits for this before it renders, so a map
 * is never drawn unstyled. A failed load is not fatal: the map still works, only less pretty.
 */
export function loadLeafletStylesheet(): Promise<void> {
  pending ??= new Promise<void>((resolve) => {
    const existing = document.querySelector(`link[rel="stylesheet"][href="${leafletStyles}"]`);
    if (existing) return resolve();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = leafletStyles;
    link.addEventListener("load", () => resolve());
    link.addEventListener("error", () => resolve());
    // Before the app's own stylesheets, so that map.css's adjustments of Leaflet's rules still win.
    const firstStylesheet = document.head.querySelector('link[rel="stylesheet"]');
    document.head.insertBefore(link, firstStylesheet);
  });
  return pending;
}
