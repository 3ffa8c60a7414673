import Link from "next/link";
import { StatusScreen } from "@/components/ui/StatusScreen";

export default function NotFound() {
  return (
    <StatusScreen code="NOT_FOUND" title="Page not found">
      <p>The page you asked for does not exist or has moved. Check the address, or start again from the home page.</p>
      <p>
        <Link href="/" className="font-medium text-brand-600 hover:underline">
          Go to the home page
        </Link>
      </p>
    </StatusScreen>
  );
}
