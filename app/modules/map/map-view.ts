/** The map's centre and zoom, kept in the URL as `map=zoom/latitude/longitude` so a shared link opens the same view. */
export interface MapView {
  zoom: number;
  latitude: number;
  longitude: number;
}

/** The map's closest zoom (the clusters go as far, so HUBs at one point stay one target). */
export const MAX_MAP_ZOOM = 18;

export const WORLD_VIEW: MapView = { zoom: 2, latitude: 20, longitude: 10 };

export function parseMapView(value: string | null | undefined): MapView {
  const parts = (value ?? "").split("/").map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return WORLD_VIEW;
  const [zoom, latitude, longitude] = parts;
  if (zoom < 1 || zoom > MAX_MAP_ZOOM || Math.abs(latitude) > 85 || Math.abs(longitude) > 540) return WORLD_VIEW;
  return { zoom: Math.round(zoom), latitude, longitude };
}

export function formatMapView(view: MapView): string {
  return `${view.zoom}/${view.latitude.toFixed(4)}/${view.longitude.toFixed(4)}`;
}
