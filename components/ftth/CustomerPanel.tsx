"use client";
// A customer in the map's detail panel: their path ODP -> ODC -> OLT (highlighted on the map),
// the loss budget of that path, and the way to their page or to them.
import { useTranslations } from "next-intl";
import { ErrorAlert, type ShownError } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Fact } from "@/components/ui/Fact";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TCustomerPath } from "@/server/modules/ftth/ftth.schema";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import type { Selection } from "./map-types";
import { navigateHref, STATUS_TONE } from "./NodePanel";

export function CustomerPanel({ path, error, onClose, onSelect }: { path: TCustomerPath | null; error: ShownError; onClose: () => void; onSelect: (s: Selection) => void }) {
  const t = useTranslations("ftth");
  if (error) return <ErrorAlert error={error} />;
  if (!path) return <Skeleton className="h-32 w-full" />;
  const { customer } = path;
  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("panel.customer")}</p>
          <h2 className="truncate text-lg font-semibold text-slate-900">{customer.name}</h2>
          <p className="font-mono text-sm text-slate-600">{formatCustomerNumber(customer.number)}</p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t("panel.close")}
        </Button>
      </div>
      <section>
        <h3 className="text-sm font-semibold text-slate-900">{t("panel.pathTitle")}</h3>
        {path.nodes.length === 0 ? (
          <p className="text-sm text-slate-500">{t("panel.pathEmpty")}</p>
        ) : (
          <ol className="mt-1 divide-y divide-slate-100">
            {path.nodes.map((n, i) => (
              <li key={n.id}>
                <button type="button" className="flex min-h-11 w-full items-center justify-between gap-2 text-left text-sm" onClick={() => onSelect({ kind: "node", id: n.id })}>
                  <span>
                    <span className="text-slate-500">{t(`types.${n.type}`)}</span> <span className="font-medium text-slate-900">{n.code}</span>
                    {i === 0 && path.port !== null && <span className="text-slate-500"> · {t("panel.port", { port: path.port })}</span>}
                  </span>
                  <Badge tone={STATUS_TONE[n.status]}>{t(`statuses.${n.status}`)}</Badge>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label={t("panel.loss")}>{path.lossDb === null ? t("panel.lossUnknown") : t("panel.lossValue", { loss: path.lossDb })}</Fact>
      </dl>
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/customers/${customer.id}`} size="sm">
          {t("panel.openCustomer")}
        </ButtonLink>
        {customer.lat !== null && customer.lng !== null && (
          <ButtonLink href={navigateHref(customer.lat, customer.lng)} target="_blank" rel="noopener noreferrer" size="sm">
            {t("panel.navigate")}
          </ButtonLink>
        )}
      </div>
    </div>
  );
}
