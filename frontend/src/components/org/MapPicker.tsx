import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface LatLng {
  lat: number;
  lng: number;
}

interface Props {
  /** The chosen point, if any. */
  point?: LatLng;
  /** Where to look when nothing is chosen yet (the district's centre). */
  center?: LatLng;
  tileUrl: string;
  attribution: string;
  label: string;
  onPick: (p: LatLng) => void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
// A CSS marker: no image files to load (and none for the CSP to allow).
const icon = L.divIcon({ className: 'map-pin', iconSize: [22, 22], iconAnchor: [11, 22] });

/** Leaflet map: click or drag the pin to choose a point. Works without tiles
 *  (offline, blocked tile server): the pin and clicks still set the point. */
export default function MapPicker({ point, center, tileUrl, attribution, label, onPick }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const start = point ?? center ?? { lat: 35, lng: 105 };
    const m = L.map(el.current!, { center: [start.lat, start.lng], zoom: point || center ? 13 : 4 });
    L.tileLayer(tileUrl, { attribution, maxZoom: 19, subdomains: 'abc' }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
    // The map is made once per tile server; point and center follow below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tileUrl, attribution]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const mk = L.marker([point.lat, point.lng], { draggable: true, icon, keyboard: true, title: label });
      mk.on('dragend', () => {
        const p = mk.getLatLng();
        pick.current({ lat: round(p.lat), lng: round(p.lng) });
      });
      marker.current = mk.addTo(m);
    } else {
      marker.current.setLatLng([point.lat, point.lng]);
    }
    if (!m.getBounds().contains([point.lat, point.lng])) m.setView([point.lat, point.lng], Math.max(m.getZoom(), 13));
  }, [point?.lat, point?.lng, label]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!point && center) map.current?.setView([center.lat, center.lng], 13);
  }, [center?.lat, center?.lng]); // eslint-disable-line react-hooks/exhaustive-deps

  return <div ref={el} className="map-picker" role="application" aria-label={label} data-testid="map-picker" />;
}
