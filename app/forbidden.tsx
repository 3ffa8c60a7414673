import Link from "next/link";
import { StatusScreen } from "@/components/ui/StatusScreen";

/** Answered with HTTP 403 when a page calls forbidden(): the role lacks the page's capability. */
export default function Forbidden() {
  return (
    <StatusScreen code="FORBIDDEN" title="You don't have access to this page">
      <p>Your role does not include this part of the back office. If you need it, ask the owner or an admin of your ISP.</p>
      <p>
        <Link href="/" className="font-medium text-brand-600 hover:underline">
          Back to the dashboard
        </Link>
      </p>
    </StatusScreen>
  );
}
