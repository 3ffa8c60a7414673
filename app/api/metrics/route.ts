import { metricsResponse } from "@/server/modules/system/system.endpoint";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request);
}
