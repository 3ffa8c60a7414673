// The strip under the top bar while the ISP is behind with RRNET: warned (the owner sees the
// amount and the dates) or restricted (read-only, explained). Links to the owner's page.
import Link from "next/link";
import type { TSaasNotice } from "@/server/modules/saas-billing/saas-billing.schema";
import { cx } from "@/components/ui/cx";
import { formatCalendarDate, formatRupiah } from "./saas-format";

export const SUBSCRIPTION_PATH = "/subscription";

export function SaasStandingBanner({ notice, isOwner }: { notice: TSaasNotice; isOwner: boolean }) {
  if (notice.standing === "good") return null;
  const restricted = notice.standing === "restricted";
  const d = notice.details;
  let text: string;
  if (restricted) {
    text = d
      ? `Read-only: the RRNET invoice of ${formatRupiah(d.overdueIdr)} due on ${formatCalendarDate(d.oldestDueDate)} is unpaid. Everyone can still look things up, but nothing can be changed until RRNET records the payment.`
      : "Read-only: this ISP's RRNET subscription is overdue. You can still look things up, but nothing can be changed until the owner pays the RRNET invoice.";
  } else {
    text = d
      ? `The RRNET invoice of ${formatRupiah(d.overdueIdr)} was due on ${formatCalendarDate(d.oldestDueDate)}. Pay it before ${formatCalendarDate(d.restrictsOn)} or the account becomes read-only.`
      : "This ISP's RRNET subscription is overdue. The owner can see the details on the Subscription page.";
  }
  return (
    <div
      role={restricted ? "alert" : "status"}
      className={cx("border-b px-4 py-2.5 text-sm sm:px-6 lg:px-8", restricted ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900")}
      data-testid="saas-standing-banner"
      data-standing={notice.standing}
    >
      <span>{text}</span>
      {isOwner && (
        <>
          {" "}
          <Link href={SUBSCRIPTION_PATH} className="whitespace-nowrap font-medium underline underline-offset-2">
            View the invoice
          </Link>
        </>
      )}
    </div>
  );
}
