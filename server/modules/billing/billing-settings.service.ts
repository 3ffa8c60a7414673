// A tenant's billing settings: PPN (none by default: most small ISPs are not VAT-registered),
// days to pay, the grace period before isolation, and what invoices print (logo, footer).
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { TBillingSettings } from "./billing.schema";

const SELECT = { taxMode: true, taxRateBp: true, invoiceDueDays: true, isolationGraceDays: true, invoiceFooter: true, logoDataUrl: true } as const;

export async function getBillingSettings(db: TenantDb): Promise<TBillingSettings> {
  const row = await db.tenant.findFirst({ select: SELECT });
  if (!row) throw new AppError("TENANT_NOT_FOUND");
  return row;
}

export async function updateBillingSettings(db: TenantDb, actor: UserActor, input: TBillingSettings): Promise<TBillingSettings> {
  if (input.taxMode !== "none" && input.taxRateBp === 0) {
    throw new AppError("VALIDATION_FAILED", { fields: { taxRateBp: ["billing.validation.taxRateRequired"] } });
  }
  const data = { ...input, taxRateBp: input.taxMode === "none" ? 0 : input.taxRateBp };
  const before = await getBillingSettings(db);
  const row = await db.tenant.update({ where: { id: db.tenantId }, data, select: SELECT });
  const changed = (Object.keys(data) as (keyof TBillingSettings)[]).filter((k) => before[k] !== row[k]);
  if (changed.length) {
    await recordAudit(db, actor, {
      action: "billing.settings_changed",
      details: { changed, taxMode: row.taxMode, taxRateBp: row.taxRateBp, invoiceDueDays: row.invoiceDueDays, isolationGraceDays: row.isolationGraceDays },
    });
  }
  return row;
}
