// A subscriber's account: status (and why when isolated), what they owe, their package, their
// bills. Isolated customers see all of it: this is where they find what to pay.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvoiceStatusBadge } from "@/components/billing/InvoiceStatusBadge";
import { SetPortalPassword } from "@/components/portal/SetPortalPassword";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { getFormat } from "@/components/ui/get-format";
import { formatSpeed } from "@/server/modules/packages/packages.schema";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal");
  return { title: t("title") };
}

const STATUS_TONE = { active: "success", isolated: "danger", prospect: "neutral", terminated: "neutral" } as const;

export default async function PortalAccountPage() {
  const api = await serverApi();
  const [me, invoices, t, tStatus, format] = await Promise.all([api.portal.me(), api.portal.invoices(), getTranslations("portal"), getTranslations("customers.status"), getFormat()]);
  const { balance } = me;
  return (
    <>
      <section className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">{t("account.greeting", { name: me.name })}</h1>
        <p className="text-sm text-slate-600">{t("account.customerNumber", { code: me.code })}</p>
      </section>

      {me.isolation && (
        <Alert tone="danger" title={t("account.isolatedTitle")} testId="portal-isolated">
          {me.isolation.reason === "manual" || !me.isolation.oldestDueDate ? t("account.isolatedManual") : t("account.isolatedOverdue", { date: format.calendarDate(me.isolation.oldestDueDate) })}
          {me.isolation.since && <span className="mt-1 block text-xs">{t("account.since", { at: format.dateTime(me.isolation.since) })}</span>}
        </Alert>
      )}

      <Card title={t("account.owed")}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="text-2xl font-semibold text-slate-900" data-testid="portal-owed">
              {format.money(balance.outstandingIdr)}
            </p>
            {balance.overdueIdr > 0 && <p className="text-sm text-red-700">{t("account.overdue", { amount: format.money(balance.overdueIdr) })}</p>}
            {balance.creditIdr > 0 && <p className="text-sm text-slate-600">{t("account.credit", { amount: format.money(balance.creditIdr) })}</p>}
            {balance.outstandingIdr === 0 && <p className="text-sm text-slate-600">{t("account.nothingOwed")}</p>}
          </div>
          <div className="text-right">
            <p className="text-xs text-slate-500">{t("account.status")}</p>
            <Badge tone={STATUS_TONE[me.status]}>
              <span data-testid="portal-status" data-status={me.status}>
                {tStatus(me.status)}
              </span>
            </Badge>
          </div>
        </div>
      </Card>

      <Card title={t("account.package")}>
        {me.subscriptions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("account.noPackage")}</p>
        ) : (
          <ul className="space-y-2">
            {me.subscriptions.map((s) => (
              <li key={s.id}>
                <p className="font-medium text-slate-900">{s.packageName}</p>
                <p className="text-sm text-slate-600">{formatSpeed(s.speedDownKbps, s.speedUpKbps)}</p>
                <p className="text-xs text-slate-500">{t("account.subscribedSince", { date: format.calendarDate(s.startDate) })}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("invoices.title")}>
        {invoices.rows.length === 0 ? (
          <EmptyState title={t("invoices.none")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="portal-invoices">
            {invoices.rows.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid="portal-invoice">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{inv.number ?? t("invoices.noNumber")}</p>
                  {inv.periodStart && inv.periodEnd && <p className="text-xs text-slate-500">{format.periodRange(inv.periodStart, inv.periodEnd)}</p>}
                  <p className="text-xs text-slate-500">
                    {t("invoices.due")}: {format.calendarDate(inv.dueDate)}
                  </p>
                </div>
                <div className="text-right">
                  <p className="font-medium text-slate-900">{format.money(inv.totalIdr)}</p>
                  {inv.outstandingIdr > 0 && inv.outstandingIdr !== inv.totalIdr && (
                    <p className="text-xs text-slate-600">
                      {t("invoices.outstanding")}: {format.money(inv.outstandingIdr)}
                    </p>
                  )}
                  <InvoiceStatusBadge status={inv.status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <SetPortalPassword />
    </>
  );
}
