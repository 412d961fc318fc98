import L from "leaflet";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { GeoJSON, MapContainer, Marker, Pane, Polyline, Popup, TileLayer, useMap, useMapEvents, CircleMarker, Tooltip } from "react-leaflet";
import type { FeatureCollection } from "geojson";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import type { MapCluster, MapData, MapHubPoint } from "./clusters.server";
import { MAX_MAP_ZOOM, type MapView } from "./map-view";

export interface HubMapProps {
  language: Language;
  /** The filters as a query string (without the view). */
  query: string;
  goals: SdgGoal[];
  view: MapView;
  tileUrl?: string;
  tileAttribution?: string;
  /** Called after the map moved, with the new view and the visible box. */
  onViewChange?: (view: MapView, bbox: [number, number, number, number]) => void;
  /** Link targets open in the parent window (embed page). */
  linkTarget?: "_top";
  /** Participating cities to draw (HUB page). */
  extraPoints?: { name: string; latitude: number; longitude: number }[];
  /** A single HUB only: no clusters request (HUB page). */
  single?: { slug: string; title: string; latitude: number; longitude: number; goal: number };
  className?: string;
  label: string;
}

type BasemapResolution = "110m" | "50m";
/** From this zoom the 50m shapes replace the 110m ones, whose coasts look coarse from here on. */
const DETAILED_BASEMAP_FROM_ZOOM = 4;
/** Each file is fetched once per page load (and is then in the browser's cache for a week). */
const basemaps = new Map<BasemapResolution, Promise<FeatureCollection>>();
function loadBasemap(resolution: BasemapResolution) {
  let pending = basemaps.get(resolution);
  if (!pending) {
    pending = fetch(`/map/countries/${resolution}.geojson`).then((response) => {
      if (!response.ok) throw new Error(`basemap ${resolution}: ${response.status}`);
      return response.json() as Promise<FeatureCollection>;
    });
    // A failure is forgotten: the next zoom tries again.
    pending.catch(() => basemaps.delete(resolution));
    basemaps.set(resolution, pending);
  }
  return pending;
}

const countryStyle = { color: "#7d8b99", weight: 0.6, fillColor: "#e9edf1", fillOpacity: 1 };
/** Above the tile pane (200), below vector overlays (400) and markers (600): markers and clusters stay on top and clickable. */
const BASEMAP_PANE = "basemapPane";

export default function HubMap(props: HubMapProps) {
  const { view, tileUrl, tileAttribution, className, label } = props;
  return (
    <div className={className ?? "hub-map"} role="region" aria-label={label}>
      <MapContainer
        center={[view.latitude, view.longitude]}
        zoom={view.zoom}
        minZoom={1}
        maxZoom={MAX_MAP_ZOOM}
        worldCopyJump
        style={{ height: "100%", width: "100%", background: "#b9d3e6" }}
        attributionControl
      >
        {/* Raster tiles when configured (MAP_TILE_URL), else the offline country shapes. */}
        {tileUrl ? (
          <TileLayer url={tileUrl} attribution={tileAttribution ?? ""} />
        ) : (
          <Pane name={BASEMAP_PANE} style={{ zIndex: 250, pointerEvents: "none" }}>
            <OfflineBasemap />
          </Pane>
        )}
        <FollowContainerSize />
        {props.single ? <SingleHub {...props} single={props.single} /> : <HubLayer {...props} />}
        {props.extraPoints?.map((point) => (
          <CircleMarker
            key={`${point.latitude},${point.longitude},${point.name}`}
            center={[point.latitude, point.longitude]}
            radius={6}
            pathOptions={{ color: "#1f2933", weight: 2, fillColor: "#ffffff", fillOpacity: 1 }}
          >
            <Tooltip>{point.name}</Tooltip>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}

/**
 * Leaflet measures its container once; the map page's container changes size without a window
 * resize (hidden then shown by the Map / List switch, the bar wrapping), so it is watched.
 */
function FollowContainerSize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize({ debounceMoveend: true }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/** Natural Earth countries from our own origin: 110m at low zoom, 50m from DETAILED_BASEMAP_FROM_ZOOM. */
function OfflineBasemap() {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const wanted: BasemapResolution = zoom >= DETAILED_BASEMAP_FROM_ZOOM ? "50m" : "110m";
  const [shapes, setShapes] = useState<{ resolution: BasemapResolution; countries: FeatureCollection } | null>(null);
  useEffect(() => {
    let live = true;
    const show = (resolution: BasemapResolution) =>
      loadBasemap(resolution).then(
        (countries) => live && setShapes((current) => (current?.resolution === wanted ? current : { resolution, countries })),
        () => {},
      );
    // The coarse shapes (small, usually cached) stand in while the detailed ones load.
    if (wanted === "50m") show("110m");
    show(wanted);
    return () => {
      live = false;
    };
  }, [wanted]);
  // GeoJSON reads its data once: a new resolution is a new layer.
  return shapes ? <GeoJSON key={shapes.resolution} data={shapes.countries} style={() => countryStyle} interactive={false} /> : null;
}

function goalColour(goals: SdgGoal[], number: number) {
  return goals.find((goal) => goal.number === number)?.color ?? "#19486a";
}

/** A HUB's target: 28 px, above the 24 px of WCAG 2.2's target size (the clusters keep them apart). */
const MARKER_SIZE = 28;

function hubIcon(colour: string, title: string) {
  return L.divIcon({
    className: "hub-marker",
    html: `<span class="hub-marker__dot" style="background:${colour}"></span><span class="visually-hidden">${escapeHtml(title)}</span>`,
    iconSize: [MARKER_SIZE, MARKER_SIZE],
    iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
    popupAnchor: [0, -MARKER_SIZE / 2],
  });
}

function clusterIcon(count: number, label: string) {
  const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
  return L.divIcon({
    className: "hub-cluster",
    html: `<span aria-hidden="true">${count >= 1000 ? `${Math.round(count / 100) / 10}k` : count}</span><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function SingleHub({ single, goals }: HubMapProps & { single: NonNullable<HubMapProps["single"]> }) {
  const icon = useMemo(() => hubIcon(goalColour(goals, single.goal), single.title), [goals, single]);
  return <Marker position={[single.latitude, single.longitude]} icon={icon} title={single.title} keyboard={false} />;
}

function HubLayer({ language, query, goals, onViewChange, linkTarget }: HubMapProps) {
  const { t } = useTranslation(["map", "hubs", "common"]);
  const map = useMap();
  const [data, setData] = useState<MapData | null>(null);
  const [tick, setTick] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;

  useMapEvents({
    moveend: () => {
      setTick((value) => value + 1);
      // A hidden map (the list shown on a phone) has no view to report: Leaflet's resize on
      // hiding must not write the URL while the reader is switching views.
      if (map.getContainer().offsetParent === null) return;
      const center = map.getCenter();
      onViewChangeRef.current?.(
        { latitude: round(center.lat), longitude: round(center.lng), zoom: map.getZoom() },
        boundsOf(map),
      );
    },
  });

  useEffect(() => {
    const bbox = boundsOf(map);
    const wrapper = map.getContainer().parentElement;
    if (wrapper) wrapper.dataset.bbox = bbox.join(",");
    const params = new URLSearchParams(query);
    params.delete("bbox");
    params.set("bbox", bbox.join(","));
    params.set("zoom", String(map.getZoom()));
    params.set("lang", language);
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    fetch(`/api/map?${params}`, { signal: current.signal })
      .then((response) => response.json() as Promise<MapData>)
      .then(setData)
      .catch(() => {});
    return () => current.abort();
  }, [map, query, language, tick]);

  return (
    <>
      {/* Accepted synchronisations (asked for with links=1): a picture only, the HUB pages list them. */}
      {data?.links?.map(([fromLatitude, fromLongitude, toLatitude, toLongitude]) => (
        <Polyline
          key={`${fromLatitude},${fromLongitude},${toLatitude},${toLongitude}`}
          positions={[
            [fromLatitude, fromLongitude],
            [toLatitude, toLongitude],
          ]}
          // Options Leaflet reads when it creates the path (react-leaflet's pathOptions only restyle it).
          className="hub-map__link"
          interactive={false}
        />
      ))}
      {data?.items.map((item) =>
        item.kind === "hub" ? (
          <HubMarker key={item.slug} hub={item} goals={goals} language={language} linkTarget={linkTarget} />
        ) : item.hubs ? (
          <SamePlaceMarker key={`p${item.id}`} cluster={item} hubs={item.hubs} language={language} linkTarget={linkTarget} />
        ) : (
          <Marker
            key={`c${item.id}`}
            position={[item.latitude, item.longitude]}
            icon={clusterIcon(item.count, t("map:cluster", { count: item.count }))}
            title={t("map:cluster", { count: item.count })}
            eventHandlers={{
              click: () => map.flyTo([item.latitude, item.longitude], item.expansionZoom),
              keypress: (event) => {
                if ((event.originalEvent as KeyboardEvent).key === "Enter") map.flyTo([item.latitude, item.longitude], item.expansionZoom);
              },
            }}
          />
        ),
      )}
      <div className="hub-map__status" role="status">
        {data ? t("map:onMap", { count: data.total }) : t("map:loading")}
        {data?.links ? ` · ${t("map:linksShown", { count: data.links.length })}` : null}
      </div>
    </>
  );
}

function HubMarker({ hub, goals, language, linkTarget }: { hub: MapHubPoint; goals: SdgGoal[]; language: Language; linkTarget?: "_top" }) {
  const { t } = useTranslation(["map", "hubs", "common"]);
  const closeOnEscape = useCloseOnEscape();
  const icon = useMemo(() => hubIcon(goalColour(goals, hub.goal), hub.title), [goals, hub.goal, hub.title]);
  const [participants, setParticipants] = useState<{ name: string; latitude: number; longitude: number }[]>([]);
  const loadParticipants = () => {
    fetch(`/api/hubs/${hub.slug}.json?lang=${language}`)
      .then((response) => (response.ok ? response.json() : null))
      .then((detail) => {
        if (!detail) return;
        setParticipants(
          (detail.participating_cities as { city: string; location: { coordinates: [number, number] } }[]).map((city) => ({
            name: city.city,
            latitude: city.location.coordinates[1],
            longitude: city.location.coordinates[0],
          })),
        );
      })
      .catch(() => {});
  };
  return (
    <>
      <Marker
        position={[hub.latitude, hub.longitude]}
        icon={icon}
        title={hub.title}
        eventHandlers={{
          popupopen: (event) => {
            loadParticipants();
            focusPopupLink(event.popup);
          },
          popupclose: (event) => {
            setParticipants([]);
            returnFocusTo(event.target as L.Marker, event.popup);
          },
        }}
      >
        <Popup>
          <div className="map-popup" onKeyDown={closeOnEscape}>
            <p className="map-popup__title">
              <a href={`/${language}/hubs/${hub.slug}`} target={linkTarget}>
                {hub.title}
              </a>
            </p>
            <p className="map-popup__place">
              {hub.city} · {t(`hubs:status.${hub.status}`)}
            </p>
            <ul className="sdg-chips" aria-label={t("hubs:list.goals")}>
              {hub.goals.map((number, index) => {
                const goal = goals.find((candidate) => candidate.number === number);
                return goal ? (
                  <li key={number}>
                    <SdgChip goal={goal} primary={index === 0} />
                  </li>
                ) : null;
              })}
            </ul>
            {participants.length > 0 ? <p className="map-popup__participants">{t("map:participants", { cities: participants.map((p) => p.name).join(", ") })}</p> : null}
          </div>
        </Popup>
      </Marker>
      {participants.map((participant) => (
        <CircleMarker
          key={`${participant.name}${participant.latitude}`}
          center={[participant.latitude, participant.longitude]}
          radius={5}
          pathOptions={{ color: goalColour(goals, hub.goal), weight: 2, fillColor: "#ffffff", fillOpacity: 1 }}
        >
          <Tooltip>{participant.name}</Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

/**
 * HUBs at one point (a cluster no zoom splits): one target whose popup lists the HUBs there (the
 * first SAME_PLACE_LIST_LIMIT: the list beside the map has them all), each a link, reachable by
 * mouse and by keyboard.
 */
function SamePlaceMarker({ cluster, hubs, language, linkTarget }: { cluster: MapCluster; hubs: MapHubPoint[]; language: Language; linkTarget?: "_top" }) {
  const { t } = useTranslation(["map", "hubs"]);
  const closeOnEscape = useCloseOnEscape();
  const label = t("map:samePlace", { count: cluster.count });
  const icon = useMemo(() => clusterIcon(cluster.count, label), [cluster.count, label]);
  return (
    <Marker
      position={[cluster.latitude, cluster.longitude]}
      icon={icon}
      title={label}
      eventHandlers={{ popupopen: (event) => focusPopupLink(event.popup), popupclose: (event) => returnFocusTo(event.target as L.Marker, event.popup) }}
    >
      <Popup>
        <div className="map-popup" onKeyDown={closeOnEscape}>
          <p className="map-popup__title">{t("map:samePlaceTitle")}</p>
          <ul className="map-popup__hubs">
            {hubs.map((hub) => (
              <li key={hub.slug}>
                <a href={`/${language}/hubs/${hub.slug}`} target={linkTarget}>
                  {hub.title}
                </a>
                <span className="map-popup__place">
                  {hub.city} · {t(`hubs:status.${hub.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </Popup>
    </Marker>
  );
}

/** Escape inside a popup closes it (Leaflet only listens for it while the map itself has the focus). */
function useCloseOnEscape() {
  const map = useMap();
  return (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") map.closePopup();
  };
}

/** Keyboard users land in an opened popup, on its first link. */
function focusPopupLink(popup: L.Popup) {
  const element = popup.getElement();
  requestAnimationFrame(() => element?.querySelector<HTMLAnchorElement>(".map-popup a")?.focus());
}

/** A popup closed with the focus inside it (Escape, its close button) gives the focus back to its marker. */
function returnFocusTo(marker: L.Marker, popup: L.Popup) {
  // The popup fades out before it leaves the page: its link may still hold the focus here.
  const element = popup.getElement();
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (!active || active === document.body || element?.contains(active)) marker.getElement()?.focus();
  });
}

function boundsOf(map: L.Map): [number, number, number, number] {
  const bounds = map.getBounds();
  const west = bounds.getWest();
  const east = bounds.getEast();
  if (east - west >= 360) return [-180, clampLat(bounds.getSouth()), 180, clampLat(bounds.getNorth())];
  return [round(wrap(west)), clampLat(bounds.getSouth()), round(wrap(east)), clampLat(bounds.getNorth())];
}

function wrap(longitude: number) {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}
function clampLat(latitude: number) {
  return round(Math.max(-85, Math.min(85, latitude)));
}
function round(value: number) {
  return Math.round(value * 1e4) / 1e4;
}
