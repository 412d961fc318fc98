import type { FeatureCollection } from "geojson";
import { CircleMarker, GeoJSON, MapContainer, useMapEvents } from "react-leaflet";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";

/** The country shapes (Natural Earth via world-atlas), shipped with the app: an offline basemap without tiles. */
const COUNTRIES = feature(countries as unknown as Topology, (countries as unknown as Topology).objects.countries as GeometryCollection) as unknown as FeatureCollection;

function ClickToPick({ onPick }: { onPick: (latitude: number, longitude: number) => void }) {
  useMapEvents({
    click(event) {
      const { lat, lng } = event.latlng.wrap();
      onPick(Math.round(lat * 100000) / 100000, Math.round(lng * 100000) / 100000);
    },
  });
  return null;
}

/**
 * A pointer enhancement of the latitude/longitude fields (which stay the keyboard and no-JavaScript way):
 * click the map to fill them in. Hidden from assistive technology, with nothing focusable inside.
 */
export function LocationMap({ latitude, longitude, onPick }: { latitude?: number; longitude?: number; onPick: (latitude: number, longitude: number) => void }) {
  const hasPoint = Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude!) <= 90 && Math.abs(longitude!) <= 180;
  return (
    <div aria-hidden="true" className="location-map">
      <MapContainer
        center={hasPoint ? [latitude!, longitude!] : [15, 0]}
        zoom={hasPoint ? 3 : 1}
        minZoom={1}
        maxZoom={8}
        keyboard={false}
        zoomControl={false}
        attributionControl={false}
        worldCopyJump
        style={{ height: "18rem", background: "#dbe9f4" }}
      >
        <GeoJSON data={COUNTRIES} style={{ color: "#6b7785", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }} interactive={false} />
        {hasPoint ? <CircleMarker center={[latitude!, longitude!]} radius={7} pathOptions={{ color: "#a4262c", fillColor: "#a4262c", fillOpacity: 0.8 }} interactive={false} /> : null}
        <ClickToPick onPick={onPick} />
      </MapContainer>
    </div>
  );
}
