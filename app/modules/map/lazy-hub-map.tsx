import type { LinksFunction } from "@remix-run/node";
import leafletStyles from "leaflet/dist/leaflet.css";
import { lazy, Suspense, type ReactNode } from "react";
import mapStyles from "~/styles/map.css";
import { ClientOnly } from "remix-utils/client-only";
import type { HubMapProps } from "./hub-map.client";

// Leaflet touches `window` when loaded: it is only ever imported in the browser, after hydration.
const HubMap = lazy(() => import("./hub-map.client"));

/** The stylesheets of a page with a HUB map, for its route's `links`. */
export const hubMapLinks: LinksFunction = () => [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: mapStyles },
];

/** The Leaflet map in the browser; `fallback` on the server and without JavaScript. */
export function LazyHubMap({ fallback, ...props }: HubMapProps & { fallback: ReactNode }) {
  return (
    <ClientOnly fallback={fallback}>
      {() => (
        <Suspense fallback={fallback}>
          <HubMap {...props} />
        </Suspense>
      )}
    </ClientOnly>
  );
}
