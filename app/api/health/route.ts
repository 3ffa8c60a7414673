import { checkHealth } from "@/server/modules/system/health.service";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  if (health.status === "ok") return Response.json(health, { headers: { "cache-control": "no-store" } });
  const failing = Object.entries(health.checks).filter(([, v]) => v === "fail").map(([k]) => k);
  return Response.json(
    { ...health, error: `Unavailable: ${failing.join(", ")}`, code: "SERVICE_UNAVAILABLE", details: { failing } },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
}
