"use client";
// The FTTH map page's client part: Leaflet only runs in the browser, so the map itself is loaded
// without server rendering (react-leaflet needs `window`).
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/Skeleton";
import type { MapViewProps } from "./MapView";

const MapView = dynamic(() => import("./MapView").then((m) => m.MapView), { ssr: false, loading: () => <MapLoading /> });

function MapLoading() {
  const t = useTranslations("ftth");
  return (
    <div className="h-full w-full" aria-busy="true" aria-label={t("map.loading")}>
      <Skeleton className="h-full w-full" />
    </div>
  );
}

export function PlantMap(props: MapViewProps) {
  return <MapView {...props} />;
}
