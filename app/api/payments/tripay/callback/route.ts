// Tripay's payment status callback for the tenant of this host (see server/modules/billing/gateway/tripay-callback.endpoint.ts).
import { handleTripayCallbackRequest } from "@/server/modules/billing/gateway/tripay-callback.endpoint";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleTripayCallbackRequest(request);
}
