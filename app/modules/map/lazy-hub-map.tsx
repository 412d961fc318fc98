import type { LinksFunction } from "@remix-run/node";
import { lazy, Suspense, type ReactNode } from "react";
import mapStyles from "~/styles/map.css";
import { ClientOnly } from "remix-utils/client-only";
import type { HubMapProps } from "./hub-map.client";
import { loadLeafletStylesheet } from "./leaflet-stylesheet";

// Leaflet touches `window` when loaded: it is only ever imported in the browser, after hydration,
// together with its stylesheet.
const HubMap = lazy(() => Promise.all([import("./hub-map.client"), loadLeafletStylesheet()]).then(([module]) => module));

/** The stylesheets of a page with a HUB map, for its route's `links`. */
export const hubMapLinks: LinksFunction = () => [
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
