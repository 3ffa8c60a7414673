import { healthResponse } from "@/server/modules/system/system.endpoint";

export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse();
}
