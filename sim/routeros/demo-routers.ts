// The demo's simulated routers, shared by sim/routeros/main.ts (which starts them) and
// prisma/seed.ts (which registers them for Demo Net): the API user and each router's identity.
export const DEMO_ROUTEROS_USER = { name: "rrnet", password: "demo-routeros", group: "full" };

export const DEMO_ROUTERS = [
  { name: "Demo Core", identity: "demo-core", version: "7.19.4 (stable)", boardName: "CCR2004-16G-2S+", location: "Kantor pusat, rak 1" },
  { name: "Demo Timur", identity: "demo-timur", version: "7.16.2 (stable)", boardName: "RB4011iGS+", location: "Tiang RT 05 Timur" },
] as const;

/** The binary API port of demo router `index`: ROUTEROS_SIM_PORT (default 3910) plus its index. */
export function demoRouterPort(index: number, base = Number(process.env.ROUTEROS_SIM_PORT ?? 3910)): number {
  return base + index;
}
