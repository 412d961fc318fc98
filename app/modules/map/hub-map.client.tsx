import type { FeatureCollection } from "geojson";
import * as L from "leaflet/dist/leaflet-src.esm.js";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import type { MapCluster, MapData, MapHubPoint } from "./clusters.server";
import type { MapView } from "./map-view";

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

/**
 * Natural Earth countries from our own origin, in their own pane: 110m at low zoom, 50m from
 * DETAILED_BASEMAP_FROM_ZOOM (the coarse shapes stand in while the detailed ones load). Returns
 * the function that takes them off the map.
 */
function showOfflineBasemap(map: L.Map) {
  const pane = map.getPane(BASEMAP_PANE) ?? map.createPane(BASEMAP_PANE);
  pane.style.zIndex = "250";
  pane.style.pointerEvents = "none";
  let wanted: BasemapResolution | undefined;
  let shown: { resolution: BasemapResolution; layer: L.GeoJSON } | undefined;
  const follow = () => {
    const now: BasemapResolution = map.getZoom() >= DETAILED_BASEMAP_FROM_ZOOM ? "50m" : "110m";
    if (now === wanted) return;
    wanted = now;
    const show = (resolution: BasemapResolution) =>
      loadBasemap(resolution).then(
        (countries) => {
          // Only for the resolution still wanted, and never over the wanted one once it is shown.
          if (wanted !== now || shown?.resolution === now || shown?.resolution === resolution) return;
          shown?.layer.remove();
          shown = { resolution, layer: L.geoJSON(countries, { pane: BASEMAP_PANE, style: () => countryStyle, interactive: false }).addTo(map) };
        },
        () => {},
      );
    if (now === "50m") show("110m");
    show(now);
  };
  follow();
  map.on("zoomend", follow);
  return () => {
    map.off("zoomend", follow);
    wanted = undefined;
    shown?.layer.remove();
  };
}

/**
 * The map, Leaflet driven from effects (no react-leaflet: the map page downloads less, and Leaflet's
 * ES module build lets the bundler leave out what is not used). React renders the HUB popup's
 * content into Leaflet's popup and the status line into the map's container.
 */
export default function HubMap(props: HubMapProps) {
  const { view, tileUrl, tileAttribution, className, label, extraPoints } = props;
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);

  // The view is the map's first one; from then on the map owns it and reports it (onViewChange).
  const initialView = useRef(view);
  useEffect(() => {
    const { latitude, longitude, zoom } = initialView.current;
    const instance = L.map(container.current!, { center: [latitude, longitude], zoom, minZoom: 1, maxZoom: 18, worldCopyJump: true, attributionControl: true });
    setMap(instance);
    return () => {
      instance.remove();
      setMap(null);
    };
  }, []);

  // Raster tiles when configured (MAP_TILE_URL), else the offline country shapes.
  useEffect(() => {
    if (!map) return;
    if (!tileUrl) return showOfflineBasemap(map);
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution ?? "" }).addTo(map);
    return () => {
      tiles.remove();
    };
  }, [map, tileUrl, tileAttribution]);

  const points = JSON.stringify(extraPoints ?? []);
  useEffect(() => {
    if (!map) return;
    const cities = (JSON.parse(points) as NonNullable<HubMapProps["extraPoints"]>).map((point) =>
      L.circleMarker([point.latitude, point.longitude], { radius: 6, color: "#1f2933", weight: 2, fillColor: "#ffffff", fillOpacity: 1 }).bindTooltip(point.name),
    );
    const layer = L.layerGroup(cities).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, points]);

  return (
    <div className={className ?? "hub-map"} role="region" aria-label={label}>
      <div ref={container} style={{ height: "100%", width: "100%", background: "#b9d3e6" }}>
        {map ? props.single ? <SingleHub map={map} single={props.single} goals={props.goals} /> : <HubLayer {...props} map={map} /> : null}
      </div>
    </div>
  );
}

function goalColour(goals: SdgGoal[], number: number) {
  return goals.find((goal) => goal.number === number)?.color ?? "#19486a";
}

function hubIcon(colour: string, title: string) {
  return L.divIcon({
    className: "hub-marker",
    html: `<span class="hub-marker__dot" style="background:${colour}"></span><span class="visually-hidden">${escapeHtml(title)}</span>`,
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    popupAnchor: [0, -10],
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

function SingleHub({ map, single, goals }: { map: L.Map; single: NonNullable<HubMapProps["single"]>; goals: SdgGoal[] }) {
  const { title, latitude, longitude, goal } = single;
  const colour = goalColour(goals, goal);
  useEffect(() => {
    const marker = L.marker([latitude, longitude], { icon: hubIcon(colour, title), title, keyboard: false }).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, title, latitude, longitude, colour]);
  return null;
}

/** A marker on the map and what it stands for now (a cluster keeps its key as its count changes). */
interface PlacedMarker {
  marker: L.Marker;
  item: MapCluster | MapHubPoint;
  title: string;
  colour?: string;
}

function HubLayer({ map, language, query, goals, onViewChange, linkTarget }: HubMapProps & { map: L.Map }) {
  const { t } = useTranslation(["map", "hubs", "common"]);
  const [data, setData] = useState<MapData | null>(null);
  const [tick, setTick] = useState(0);
  const [openHub, setOpenHub] = useState<{ hub: MapHubPoint; content: HTMLElement; popup: L.Popup } | null>(null);
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;

  useEffect(() => {
    const onMoveEnd = () => {
      setTick((value) => value + 1);
      const center = map.getCenter();
      onViewChangeRef.current?.({ latitude: round(center.lat), longitude: round(center.lng), zoom: map.getZoom() }, boundsOf(map));
    };
    map.on("moveend", onMoveEnd);
    return () => {
      map.off("moveend", onMoveEnd);
    };
  }, [map]);

  useEffect(() => {
    const bbox = boundsOf(map);
    const wrapper = map.getContainer().parentElement;
    if (wrapper) wrapper.dataset.bbox = bbox.join(",");
    const params = new URLSearchParams(query);
    params.delete("bbox");
    params.set("bbox", bbox.join(","));
    params.set("zoom", String(map.getZoom()));
    params.set("lang", language);
    const current = new AbortController();
    fetch(`/api/map?${params}`, { signal: current.signal })
      .then((response) => response.json() as Promise<MapData>)
      .then(setData)
      .catch(() => {});
    return () => current.abort();
  }, [map, query, language, tick]);

  // Markers are kept by key across answers, as React keeps keyed elements: a HUB whose popup is
  // open stays on the map (and its popup open) when the popup's own panning brings a new answer.
  const layer = useRef<L.LayerGroup | null>(null);
  const placed = useRef(new Map<string, PlacedMarker>());
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    layer.current = group;
    const markers = placed.current;
    return () => {
      group.remove();
      markers.clear();
      layer.current = null;
    };
  }, [map]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    const markers = placed.current;
    const keys = new Set<string>();
    for (const item of data?.items ?? []) {
      const key = item.kind === "cluster" ? `cluster-${item.id}` : `hub-${item.slug}`;
      keys.add(key);
      const title = item.kind === "cluster" ? t("map:cluster", { count: item.count }) : item.title;
      const colour = item.kind === "hub" ? goalColour(goals, item.goal) : undefined;
      const icon = () => (item.kind === "cluster" ? clusterIcon(item.count, title) : hubIcon(colour!, title));
      const existing = markers.get(key);
      if (existing) {
        existing.item = item;
        existing.marker.setLatLng([item.latitude, item.longitude]);
        if (existing.title !== title || existing.colour !== colour) {
          existing.title = title;
          existing.colour = colour;
          existing.marker.options.title = title;
          existing.marker.setIcon(icon());
        }
        continue;
      }
      const entry: PlacedMarker = { marker: L.marker([item.latitude, item.longitude], { icon: icon(), title }), item, title, colour };
      if (item.kind === "cluster") {
        const zoomIn = () => map.flyTo([entry.item.latitude, entry.item.longitude], (entry.item as MapCluster).expansionZoom);
        entry.marker.on("click", zoomIn);
        entry.marker.on("keypress", (event) => {
          if ((event as L.LeafletKeyboardEvent).originalEvent.key === "Enter") zoomIn();
        });
      } else {
        const content = document.createElement("div");
        entry.marker.bindPopup(content);
        entry.marker.on("popupopen", (event) => setOpenHub({ hub: entry.item as MapHubPoint, content, popup: (event as L.PopupEvent).popup }));
        entry.marker.on("popupclose", () => setOpenHub((open) => (open?.content === content ? null : open)));
      }
      markers.set(key, entry);
      group.addLayer(entry.marker);
    }
    for (const [key, entry] of markers) {
      if (keys.has(key)) continue;
      group.removeLayer(entry.marker);
      markers.delete(key);
    }
  }, [map, data, goals, t]);

  return (
    <>
      {openHub
        ? createPortal(
            <HubPopup key={openHub.hub.slug} map={map} hub={openHub.hub} popup={openHub.popup} goals={goals} language={language} linkTarget={linkTarget} />,
            openHub.content,
          )
        : null}
      <div className="hub-map__status" role="status">
        {data ? t("map:onMap", { count: data.total }) : t("map:loading")}
      </div>
    </>
  );
}

/** An open HUB popup: its links, its goals, and its participating cities drawn on the map. */
function HubPopup({ map, hub, popup, goals, language, linkTarget }: { map: L.Map; hub: MapHubPoint; popup: L.Popup; goals: SdgGoal[]; language: Language; linkTarget?: "_top" }) {
  const { t } = useTranslation(["map", "hubs", "common"]);
  const [participants, setParticipants] = useState<{ name: string; latitude: number; longitude: number }[]>([]);
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const current = new AbortController();
    fetch(`/api/hubs/${hub.slug}.json?lang=${language}`, { signal: current.signal })
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
    return () => current.abort();
  }, [hub.slug, language]);

  // Leaflet laid the popup out before React filled it: lay it out again with its content.
  useLayoutEffect(() => {
    popup.update();
  }, [popup, participants, t]);

  // Keyboard users land in the popup, on the link to the HUB page.
  useEffect(() => {
    const frame = requestAnimationFrame(() => link.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const colour = goalColour(goals, hub.goal);
  useEffect(() => {
    const cities = L.layerGroup(
      participants.map((participant) =>
        L.circleMarker([participant.latitude, participant.longitude], { radius: 5, color: colour, weight: 2, fillColor: "#ffffff", fillOpacity: 1 }).bindTooltip(participant.name),
      ),
    ).addTo(map);
    return () => {
      cities.remove();
    };
  }, [map, participants, colour]);

  return (
    <div className="map-popup">
      <p className="map-popup__title">
        <a ref={link} href={`/${language}/hubs/${hub.slug}`} target={linkTarget}>
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
  );
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
