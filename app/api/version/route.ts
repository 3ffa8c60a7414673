import { buildInfo } from "@/server/modules/system/build-info";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildInfo());
}
