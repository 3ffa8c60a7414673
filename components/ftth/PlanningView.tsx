"use client";
// ODP utilisation (per area, then per ODP, fullest first) and the nearest ODPs with a free port
// to a point typed in or taken from the phone's location.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { useFormat } from "@/components/ui/use-format";
import { ZLatitude, ZLongitude, type TNearestOdp, type TUtilisation } from "@/server/modules/ftth/ftth.schema";
import { navigateHref } from "./NodePanel";

type Area = TUtilisation["areas"][number];
type Odp = TUtilisation["odps"][number];

export function PlanningView() {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const format = useFormat();
  const use = useQuery(trpc.ftth.utilisation.queryOptions());
  const [lat, setLat] = useState("");
  const [lng, setLng] = useState("");
  const [point, setPoint] = useState<{ latitude: number; longitude: number } | null>(null);
  const nearest = useQuery({ ...trpc.ftth.nearestOdps.queryOptions({ latitude: point?.latitude ?? 0, longitude: point?.longitude ?? 0, limit: 5 }), enabled: point !== null });
  const parsed = { lat: ZLatitude.safeParse(Number(lat.replace(",", "."))), lng: ZLongitude.safeParse(Number(lng.replace(",", "."))) };
  const valid = lat.trim() !== "" && lng.trim() !== "" && parsed.lat.success && parsed.lng.success;

  const percent = (used: number, ports: number) => (ports === 0 ? 0 : Math.round((used / ports) * 100));
  const a = dataTableColumns<Area>();
  const areaColumns = useMemo(
    () =>
      a.columns([
        a.accessor((r) => r.area ?? t("planning.noArea"), { id: "area", header: t("planning.area"), meta: { card: "title" } }),
        a.accessor("odps", { header: t("planning.odps"), meta: { card: "detail" }, cell: (c) => format.count(c.getValue()) }),
        a.accessor((r) => t("panel.portsValue", { used: r.used, ports: r.ports }), { id: "used", header: t("planning.used"), meta: { card: "detail" } }),
        a.accessor("free", { header: t("planning.free"), meta: { card: "badge" }, cell: (c) => format.count(c.getValue()) }),
        a.accessor((r) => `${percent(r.used, r.ports)}%`, { id: "pct", header: t("planning.utilisation"), meta: { card: "detail" } }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `a` is a stateless helper
    [t, format],
  );
  const o = dataTableColumns<Odp>();
  const odpColumns = useMemo(
    () =>
      o.columns([
        o.accessor("code", { header: t("planning.odp"), enableSorting: true, meta: { card: "title" } }),
        o.accessor((r) => r.area ?? t("planning.noArea"), { id: "area", header: t("planning.area"), meta: { card: "subtitle" } }),
        o.accessor((r) => t("panel.portsValue", { used: r.used, ports: r.ports }), { id: "used", header: t("planning.used"), meta: { card: "detail" } }),
        o.accessor("free", { header: t("planning.free"), enableSorting: true, meta: { card: "badge" }, cell: (c) => format.count(c.getValue()) }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `o` is a stateless helper
    [t, format],
  );
  const n = dataTableColumns<TNearestOdp>();
  const nearColumns = useMemo(
    () =>
      n.columns([
        n.accessor("code", { header: t("planning.odp"), meta: { card: "title" } }),
        n.accessor("distanceM", { header: t("planning.distance"), meta: { card: "subtitle" }, cell: (c) => t("planning.metres", { m: c.getValue() }) }),
        n.accessor("free", { header: t("planning.free"), meta: { card: "badge" }, cell: (c) => format.count(c.getValue()) }),
        n.display({ id: "go", header: t("panel.navigate"), meta: { card: "detail" }, cell: (c) => <a className="font-medium text-brand-700 underline" href={navigateHref(c.row.original.lat, c.row.original.lng)} target="_blank" rel="noopener noreferrer">{t("panel.navigate")}</a> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `n` is a stateless helper
    [t, format],
  );

  const here = () =>
    navigator.geolocation?.getCurrentPosition((p) => {
      setLat(p.coords.latitude.toFixed(6));
      setLng(p.coords.longitude.toFixed(6));
      setPoint({ latitude: p.coords.latitude, longitude: p.coords.longitude });
    });

  return (
    <div className="space-y-4">
      <Card>
        <h2 className="mb-1 text-base font-semibold text-slate-900">{t("planning.nearestTitle")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("planning.nearestHint")}</p>
        <form
          className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) setPoint({ latitude: parsed.lat.data!, longitude: parsed.lng.data! });
          }}
        >
          <Field label={t("planning.latitude")} error={lat && !parsed.lat.success ? t("planning.badCoordinate") : null}>
            <Input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} />
          </Field>
          <Field label={t("planning.longitude")} error={lng && !parsed.lng.success ? t("planning.badCoordinate") : null}>
            <Input inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} />
          </Field>
          <Button type="submit" variant="primary" disabled={!valid} loading={nearest.isFetching}>
            {t("planning.find")}
          </Button>
          <Button onClick={here}>{t("planning.here")}</Button>
        </form>
        <ErrorAlert error={nearest.error} className="mt-3" />
        {point && nearest.data && (
          <div className="mt-3">
            <DataTable data={nearest.data} columns={nearColumns} getRowId={(r) => r.id} caption={t("planning.nearestTitle")} empty={<EmptyState title={t("planning.noneFree")} />} testId="nearest-odps" />
          </div>
        )}
      </Card>
      <ErrorAlert error={use.error} />
      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("planning.byArea")}</h2>
        <DataTable data={use.data?.areas ?? []} columns={areaColumns} getRowId={(r) => r.area ?? "-"} caption={t("planning.byArea")} loading={use.isPending} empty={<EmptyState title={t("planning.noOdps")} action={<ButtonLink href="/map">{t("nav.map")}</ButtonLink>} />} />
      </Card>
      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("planning.byOdp")}</h2>
        <DataTable data={use.data?.odps ?? []} columns={odpColumns} getRowId={(r) => r.id} caption={t("planning.byOdp")} loading={use.isPending} initialSorting={[{ id: "free", desc: false }]} empty={<EmptyState title={t("planning.noOdps")} />} />
      </Card>
    </div>
  );
}
