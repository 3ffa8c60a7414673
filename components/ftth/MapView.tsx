"use client";
// The plant on a Leaflet map, drawn on canvas: data is fetched for the visible bounds and zoom
// (the server sends customers as grid cells when a view holds thousands), customers are
// clustered with supercluster, links drawn as lines (red when an open outage reaches them).
// Layer toggles, search that flies to the result, a detail panel (a bottom sheet on phones),
// adding and moving nodes, drawing a cable route, a customer's path to the OLT highlighted.
import "leaflet/dist/leaflet.css";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import L from "leaflet";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { CircleMarker, MapContainer, Marker, Polyline, TileLayer, Tooltip, useMap, useMapEvents, ZoomControl } from "react-leaflet";
import Supercluster from "supercluster";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { useDebouncedValue } from "@/components/ui/hooks";
import { MAP_LAYERS, type TBounds, type TLatLng, type TMapCustomer, type TMapLayer, type TMapNode, type TSearchHit } from "@/server/modules/ftth/ftth.schema";
import { NodeDialog } from "./NodeDialog";
import { NodePanel } from "./NodePanel";
import { CustomerPanel } from "./CustomerPanel";
import type { EditMode, Selection } from "./map-types";

export type MapViewProps = {
  tileUrl: string;
  center: TLatLng;
  canManage: boolean;
  canField: boolean;
  /** Open with this node or customer selected (links from the outage page). */
  focus?: { kind: "node" | "customer"; id: string; lat: number; lng: number } | null;
};

type View = { bounds: TBounds; zoom: number };

const TYPE_STYLE: Record<TMapNode["type"], { radius: number; color: string }> = {
  olt: { radius: 10, color: "#1d4ed8" },
  odc: { radius: 8, color: "#7c3aed" },
  odp: { radius: 6, color: "#0f766e" },
};
const STATUS_FILL: Record<TMapNode["status"], string> = { up: "#ffffff", down: "#dc2626", maintenance: "#f59e0b" };
const CUSTOMER_COLOR: Record<TMapCustomer["state"], string> = { active: "#16a34a", isolated: "#f59e0b", other: "#64748b", affected: "#dc2626" };

function boundsOf(map: L.Map): View {
  const b = map.getBounds();
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    bounds: { south: clamp(b.getSouth(), -90, 90), west: clamp(b.getWest(), -180, 180), north: clamp(b.getNorth(), -90, 90), east: clamp(b.getEast(), -180, 180) },
    zoom: Math.round(map.getZoom()),
  };
}

/** Tracks the visible bounds (after each pan or zoom) and map clicks. */
function ViewTracker({ onView, onClick }: { onView: (v: View) => void; onClick: (at: TLatLng) => void }) {
  const map = useMapEvents({
    moveend: () => onView(boundsOf(map)),
    click: (e) => onClick([e.latlng.lat, e.latlng.lng]),
  });
  useEffect(() => onView(boundsOf(map)), [map, onView]);
  return null;
}

/** Exposes the map for fly-to from outside the container. */
function MapHandle({ onReady }: { onReady: (map: L.Map) => void }) {
  const map = useMap();
  useEffect(() => onReady(map), [map, onReady]);
  return null;
}

const moveIcon = L.divIcon({ className: "", html: '<div style="width:28px;height:28px;border-radius:9999px;background:#1d4ed8;border:3px solid white;box-shadow:0 0 0 2px #1d4ed8"></div>', iconSize: [28, 28], iconAnchor: [14, 14] });

export function MapView({ tileUrl, center, canManage, canField, focus }: MapViewProps) {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const [map, setMap] = useState<L.Map | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [layers, setLayers] = useState<Set<TMapLayer>>(new Set(MAP_LAYERS));
  const [selected, setSelected] = useState<Selection>(focus ? { kind: focus.kind, id: focus.id } : null);
  const [mode, setMode] = useState<EditMode>(null);
  const [q, setQ] = useState("");
  const query = useDebouncedValue(q.trim(), 250);

  const data = useQuery({
    ...trpc.ftth.map.queryOptions(view ? { bounds: view.bounds, zoom: view.zoom, layers: [...layers] } : { bounds: { south: 0, west: 0, north: 0, east: 0 }, zoom: 0 }),
    enabled: view !== null,
    placeholderData: keepPreviousData,
  });
  const search = useQuery({ ...trpc.ftth.search.queryOptions({ q: query }), enabled: query.length > 0 });
  const path = useQuery({ ...trpc.ftth.customerPath.queryOptions({ customerId: selected?.kind === "customer" ? selected.id : "00000000-0000-4000-8000-000000000000" }), enabled: selected?.kind === "customer" });

  const onView = useCallback((v: View) => setView(v), []);
  const onClick = useCallback(
    (at: TLatLng) => {
      setMode((m) => (m?.kind === "add" ? { kind: "add", at } : m?.kind === "route" ? { ...m, points: [...m.points, at] } : m));
    },
    [],
  );

  // Customers clustered on the client for the current zoom (server cells are drawn as they come).
  const clusters = useMemo(() => {
    const points = data.data?.customers ?? [];
    if (!view || points.length === 0) return [];
    const index = new Supercluster<{ id: string; state: TMapCustomer["state"] }>({ radius: 40, maxZoom: 17 });
    index.load(points.map((c) => ({ type: "Feature", properties: { id: c.id, state: c.state }, geometry: { type: "Point", coordinates: [c.lng, c.lat] } })));
    const b = view.bounds;
    return index.getClusters([b.west, b.south, b.east, b.north], view.zoom);
  }, [data.data?.customers, view]);

  const fly = (hit: TSearchHit) => {
    setQ("");
    if (hit.lat !== null && hit.lng !== null) map?.flyTo([hit.lat, hit.lng], Math.max(map.getZoom(), 18), { animate: false });
    setSelected({ kind: hit.kind, id: hit.id });
  };

  useEffect(() => {
    if (focus && map) map.setView([focus.lat, focus.lng], 18, { animate: false });
  }, [focus, map]);

  const toggle = (layer: TMapLayer) =>
    setLayers((current) => {
      const next = new Set(current);
      if (next.has(layer)) next.delete(layer);
      else next.add(layer);
      return next;
    });

  const nodes = data.data?.nodes ?? [];
  const highlighted = selected?.kind === "customer" && path.data ? path.data.points : null;

  return (
    <div className="relative h-full w-full overflow-hidden rounded-lg border border-slate-200 bg-slate-100" data-testid="ftth-map">
      <MapContainer
        center={center}
        zoom={16}
        preferCanvas
        fadeAnimation={false}
        zoomControl={false}
        attributionControl={tileUrl !== "none"}
        className="h-full w-full [&_.leaflet-bar_a]:!h-11 [&_.leaflet-bar_a]:!w-11 [&_.leaflet-bar_a]:!leading-[44px]"
        style={{ background: "#eef2f7" }}
        aria-label={t("map.label")}
      >
        {tileUrl !== "none" && <TileLayer url={tileUrl} attribution="&copy; OpenStreetMap" maxZoom={20} />}
        <ZoomControl position="bottomleft" />
        <MapHandle onReady={setMap} />
        <ViewTracker onView={onView} onClick={onClick} />
        {layers.has("links") &&
          (data.data?.links ?? []).map((l) => <Polyline key={l.id} positions={l.points} pathOptions={{ color: l.affected ? "#dc2626" : "#475569", weight: l.affected ? 4 : 2, opacity: 0.8 }} />)}
        {data.data?.customerCells.map((c) => (
          <CircleMarker key={`${c.lat}:${c.lng}`} center={[c.lat, c.lng]} radius={Math.min(24, 8 + Math.log2(c.count) * 2)} pathOptions={{ color: c.affected > 0 ? "#dc2626" : "#16a34a", fillOpacity: 0.35, weight: 1 }}>
            <Tooltip>{t("map.cluster", { count: c.count })}</Tooltip>
          </CircleMarker>
        ))}
        {clusters.map((f) => {
          const [lng, lat] = f.geometry.coordinates as [number, number];
          const props = f.properties as { cluster?: boolean; point_count?: number; id?: string; state?: TMapCustomer["state"] };
          if (props.cluster) {
            return (
              <CircleMarker key={`c${f.id}`} center={[lat, lng]} radius={Math.min(22, 8 + Math.log2(props.point_count!) * 2)} pathOptions={{ color: "#16a34a", fillOpacity: 0.35, weight: 1 }}>
                <Tooltip>{t("map.cluster", { count: props.point_count! })}</Tooltip>
              </CircleMarker>
            );
          }
          return (
            <CircleMarker
              key={props.id}
              center={[lat, lng]}
              radius={selected?.kind === "customer" && selected.id === props.id ? 8 : 5}
              pathOptions={{ color: CUSTOMER_COLOR[props.state!], fillColor: CUSTOMER_COLOR[props.state!], fillOpacity: 0.9, weight: 1 }}
              eventHandlers={{ click: (e) => (L.DomEvent.stopPropagation(e), setSelected({ kind: "customer", id: props.id! })) }}
            />
          );
        })}
        {highlighted && <Polyline positions={highlighted} pathOptions={{ color: "#2563eb", weight: 6, opacity: 0.9 }} />}
        {nodes
          .filter((n) => !(mode?.kind === "move" && mode.nodeId === n.id))
          .map((n) => (
            <CircleMarker
              key={n.id}
              center={[n.lat, n.lng]}
              radius={TYPE_STYLE[n.type].radius + (selected?.kind === "node" && selected.id === n.id ? 4 : 0)}
              pathOptions={{ color: n.affected && n.status === "up" ? "#dc2626" : TYPE_STYLE[n.type].color, weight: 3, fillColor: STATUS_FILL[n.status], fillOpacity: 1 }}
              eventHandlers={{ click: (e) => (L.DomEvent.stopPropagation(e), setSelected({ kind: "node", id: n.id })) }}
            >
              <Tooltip>{n.code}</Tooltip>
            </CircleMarker>
          ))}
        {mode?.kind === "move" && (
          <Marker
            position={mode.at}
            draggable
            icon={moveIcon}
            eventHandlers={{ dragend: (e) => setMode({ ...mode, at: [(e.target as L.Marker).getLatLng().lat, (e.target as L.Marker).getLatLng().lng] }) }}
          />
        )}
        {mode?.kind === "route" && mode.points.length > 0 && <Polyline positions={mode.points} pathOptions={{ color: "#2563eb", weight: 4, dashArray: "6 6" }} />}
      </MapContainer>

      {/* Search and layers, over the map's top left. */}
      <div className="absolute inset-x-2 top-2 z-[1000] sm:right-auto sm:w-80">
        <div className="rounded-lg bg-white p-2 shadow-md">
          <Field label={t("map.searchLabel")} hideLabel>
            <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("map.search")} data-testid="ftth-search" autoComplete="off" />
          </Field>
          {query.length > 0 && search.data && (
            <ul className="mt-1 max-h-60 overflow-y-auto" data-testid="ftth-search-results">
              {search.data.length === 0 && <li className="px-2 py-2 text-sm text-slate-500">{t("map.noResults")}</li>}
              {search.data.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <button type="button" onClick={() => fly(hit)} className="flex min-h-11 w-full flex-col items-start rounded px-2 py-1 text-left hover:bg-slate-100">
                    <span className="text-sm font-medium text-slate-900">{hit.label}</span>
                    <span className="text-xs text-slate-500">{hit.sublabel}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <details className="mt-1">
            <summary className="flex min-h-11 cursor-pointer items-center px-1 text-sm font-medium text-slate-700">{t("layers.title")}</summary>
            <div className="grid grid-cols-2 gap-x-2">
              {MAP_LAYERS.map((layer) => (
                <Checkbox key={layer} label={t(`layers.${layer}`)} checked={layers.has(layer)} onChange={() => toggle(layer)} />
              ))}
            </div>
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 px-1 pb-1 text-xs text-slate-600">
              {(["active", "isolated", "other", "affected"] as const).map((s) => (
                <li key={s} className="flex items-center gap-1">
                  <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: CUSTOMER_COLOR[s] }} />
                  {t(`legend.${s}`)}
                </li>
              ))}
            </ul>
          </details>
        </div>
        {data.error && <ErrorAlert error={data.error} title={t("map.couldNotLoad")} className="mt-2" />}
        {data.data?.truncated && <Alert tone="warning" className="mt-2">{t("map.truncated")}</Alert>}
      </div>

      {/* Add a node: the primary action for builders. */}
      {canManage && !selected && mode === null && (
        <div className="absolute bottom-4 right-4 z-[1000]">
          <Button variant="primary" onClick={() => setMode({ kind: "add", at: null })} data-testid="ftth-add-node">
            {t("map.addNode")}
          </Button>
        </div>
      )}
      {mode?.kind === "add" && mode.at === null && (
        <div className="absolute inset-x-2 bottom-4 z-[1000] flex items-center justify-between gap-2 rounded-lg bg-white p-3 shadow-md sm:left-auto sm:right-4 sm:w-96">
          <p className="text-sm text-slate-700">{t("map.addHint")}</p>
          <Button onClick={() => setMode(null)}>{t("map.cancel")}</Button>
        </div>
      )}
      {mode?.kind === "add" && mode.at !== null && (
        <NodeDialog kind="create" at={mode.at} parent={nodes.find((n) => selected?.kind === "node" && n.id === selected.id) ?? null} onClose={() => setMode(null)} onSaved={(id) => (setMode(null), setSelected({ kind: "node", id }))} />
      )}

      {/* Details: a side panel from md up, a bottom sheet on phones. */}
      {selected && (
        <aside
          className="absolute inset-x-0 bottom-0 z-[1000] max-h-[55%] overflow-y-auto rounded-t-2xl bg-white p-4 shadow-2xl md:inset-y-2 md:left-auto md:right-2 md:max-h-none md:w-96 md:rounded-lg"
          data-testid="ftth-panel"
        >
          {selected.kind === "node" ? (
            <NodePanel id={selected.id} canManage={canManage} canField={canField} mode={mode} setMode={setMode} onClose={() => (setSelected(null), setMode(null))} onSelect={setSelected} />
          ) : (
            <CustomerPanel path={path.data ?? null} error={path.error} onClose={() => setSelected(null)} onSelect={setSelected} />
          )}
        </aside>
      )}
    </div>
  );
}
