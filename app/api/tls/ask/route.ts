import { tlsAskResponse } from "@/server/tenancy/tls-ask.endpoint";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return tlsAskResponse(request);
}
