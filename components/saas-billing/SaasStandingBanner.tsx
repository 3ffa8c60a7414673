// The strip under the top bar while the ISP is behind with RRNET: warned (the owner sees the
// amount and the dates) or restricted (read-only, explained). Links to the owner's page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { useFormat } from "@/components/ui/use-format";
import type { TSaasNotice } from "@/server/modules/saas-billing/saas-billing.schema";

export const SUBSCRIPTION_PATH = "/subscription";

export function SaasStandingBanner({ notice, isOwner }: { notice: TSaasNotice; isOwner: boolean }) {
  const t = useTranslations("shell.saasBanner");
  const format = useFormat();
  if (notice.standing === "good") return null;
  const restricted = notice.standing === "restricted";
  const d = notice.details;
  const facts = d ? { amount: format.money(d.overdueIdr), dueDate: format.calendarDate(d.oldestDueDate), restrictsOn: format.calendarDate(d.restrictsOn) } : null;
  const text = restricted ? (facts ? t("restricted", facts) : t("restrictedNoDetails")) : facts ? t("warned", facts) : t("warnedNoDetails");
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
            {t("viewInvoice")}
          </Link>
        </>
      )}
    </div>
  );
}
