// Where the proxy sends every page request of a suspended tenant.
import type { Metadata } from "next";
import { StatusScreen } from "@/components/ui/StatusScreen";

export const metadata: Metadata = { title: "Account suspended", robots: { index: false } };

export default function SuspendedPage() {
  return (
    <StatusScreen code="TENANT_SUSPENDED" title="This ISP's account is suspended">
      <div>
        <h2 className="font-semibold text-slate-800">Customers</h2>
        <p className="mt-1">
          This page only concerns your ISP&apos;s back office. It does not mean your internet service has been cut. For
          questions about your connection, bills or payments, contact your ISP directly.
        </p>
      </div>
      <div>
        <h2 className="font-semibold text-slate-800">ISP owners</h2>
        <p className="mt-1">
          Your RRNET account is suspended, so the dashboard, client portal and API are unavailable. Contact RRNET
          support to restore access.
        </p>
      </div>
    </StatusScreen>
  );
}
