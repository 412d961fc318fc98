import type { FeatureCollection } from "geojson";
import * as L from "leaflet/dist/leaflet-src.esm.js";
import { useEffect, useRef, useState } from "react";
// Bundling only: every other module that imports React also reaches React DOM, so the compiler keeps
// both in one shared chunk. This lazily loaded module would otherwise split React into a chunk of
// its own, which every page would then download as one more file (0.6 KB more at gzip, measured).
import "react-dom";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";

/** The country shapes (Natural Earth via world-atlas), shipped with the app: an offline basemap without tiles. */
const COUNTRIES = feature(countries as unknown as Topology, (countries as unknown as Topology).objects.countries as GeometryCollection) as unknown as FeatureCollection;

const countryStyle = { color: "#6b7785", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };

/**
 * A pointer enhancement of the latitude/longitude fields (which stay the keyboard and no-JavaScript way):
 * click the map to fill them in. Hidden from assistive technology, with nothing focusable inside.
 */
export function LocationMap({ latitude, longitude, onPick }: { latitude?: number; longitude?: number; onPick: (latitude: number, longitude: number) => void }) {
  const hasPoint = Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude!) <= 90 && Math.abs(longitude!) <= 180;
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  // Centred on the point the fields held when the map appeared; afterwards the user moves it.
  const initialPoint = useRef(hasPoint ? ([latitude!, longitude!] as [number, number]) : null);
  useEffect(() => {
    const point = initialPoint.current;
    const instance = L.map(container.current!, {
      center: point ?? [15, 0],
      zoom: point ? 3 : 1,
      minZoom: 1,
      maxZoom: 8,
      keyboard: false,
      zoomControl: false,
      attributionControl: false,
      worldCopyJump: true,
    });
    instance.on("click", (event) => {
      const { lat, lng } = (event as L.LeafletMouseEvent).latlng.wrap();
      onPickRef.current(Math.round(lat * 100000) / 100000, Math.round(lng * 100000) / 100000);
    });
    L.geoJSON(COUNTRIES, { style: countryStyle, interactive: false }).addTo(instance);
    setMap(instance);
    return () => {
      instance.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !hasPoint) return;
    const marker = L.circleMarker([latitude!, longitude!], { radius: 7, color: "#a4262c", fillColor: "#a4262c", fillOpacity: 0.8, interactive: false }).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, hasPoint, latitude, longitude]);

  return (
    <div aria-hidden="true" className="location-map">
      <div ref={container} style={{ height: "18rem", background: "#dbe9f4" }} />
    </div>
  );
}
