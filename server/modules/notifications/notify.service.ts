// The send API other modules call for the WhatsApp messages their own events mean: a technician
// on the way (work orders), a voucher sold (hotspot vouchers), a portal sign-in code (client
// portal). Each takes plain facts, words them in the tenant's language and zone, and queues one
// message per key through writeNotices, queued, throttled and sent exactly once like every
// other message: calling again with the same key sends nothing more and answers the same message.
// The answer is null when the tenant has WhatsApp switched off (the caller offers another way).
import "server-only";
import type { TenantDb } from "@/server/db";
import { serverTranslator } from "@/i18n/translator";
import { writeNotices } from "./dispatch.service";
import { formatRupiah } from "@/i18n/rupiah";
import type { TMessageStatus } from "./notifications.schema";

/** What became of the message: its id and status; `reason` says why when it was skipped. */
export type NoticeResult = { messageId: string; status: TMessageStatus; reason: string | null } | null;

async function one(db: TenantDb, key: string, notices: Parameters<typeof writeNotices>[2]): Promise<NoticeResult> {
  const [message] = await writeNotices(db, key, notices);
  return message ? { messageId: message.id, status: message.status as TMessageStatus, reason: message.lastError } : null;
}

/**
 * The technician assigned to a work order set off to the customer. One message per work order
 * and `visit` (a second trip on another day is visit 2).
 */
export function notifyTechnicianOnTheWay(
  db: TenantDb,
  input: { workOrderId: string; workOrderNumber: string; customerId: string; technicianName: string; visit?: number },
): Promise<NoticeResult> {
  return one(db, `work-order:${input.workOrderId}:on-the-way:${input.visit ?? 1}`, [
    { kind: "technician_on_the_way", customerId: input.customerId, variables: { technicianName: input.technicianName, workOrderNumber: input.workOrderNumber } },
  ]);
}

/**
 * A hotspot voucher sold: its code to the buyer, a customer (their number on file) or a walk-in
 * who gave a WhatsApp number. One message per sale.
 */
export function notifyVoucherSold(
  db: TenantDb,
  input: { saleId: string; voucherCode: string; packageName: string; validityMinutes: number; priceIdr: number } & ({ customerId: string } | { phone: string }),
): Promise<NoticeResult> {
  const to = "customerId" in input ? { customerId: input.customerId } : { phone: input.phone };
  return one(db, `voucher-sale:${input.saleId}`, ({ locale }) => [
    {
      kind: "voucher_sold",
      ...to,
      variables: {
        voucherCode: input.voucherCode,
        packageName: input.packageName,
        validity: formatValidity(input.validityMinutes, serverTranslator(locale)),
        amount: formatRupiah(input.priceIdr),
      },
    },
  ]);
}

/**
 * A one-time code for the client portal, to the customer's WhatsApp number on file. One message
 * per `challengeId` (the sign-in attempt the code belongs to); not sent once `validMinutes` have
 * passed (send.service), and shown masked in the message log.
 */
export function sendPortalSignInCode(db: TenantDb, input: { challengeId: string; customerId: string; code: string; validMinutes: number }): Promise<NoticeResult> {
  return one(db, `portal-sign-in:${input.challengeId}`, [
    { kind: "portal_sign_in_code", customerId: input.customerId, variables: { code: input.code, validMinutes: String(input.validMinutes) } },
  ]);
}

/** "2 hari", "3 jam", "30 menit": the largest whole unit. */
function formatValidity(minutes: number, t: ReturnType<typeof serverTranslator>): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t("notifications.validity.days", { count: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t("notifications.validity.hours", { count: minutes / 60 });
  return t("notifications.validity.minutes", { count: minutes });
}
