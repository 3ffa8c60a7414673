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

/**
 * Demo Net's PPPoE accounts: which subscriber (seed's SUBSCRIBERS by name), the fixed
 * subscription id the seed gives them (so the simulator can hold entries RRNET recognises), the
 * router, and the credentials their simulated modem dials with. Demo Core starts empty and the
 * worker provisions it; Demo Timur starts with its secrets already there, three of them drifted
 * (a password changed by hand, a profile changed by hand, one deleted) for the drift page.
 */
export const DEMO_ACCOUNTS = [
  { customer: "Warung Bu Sri", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000001", router: 0, username: "warungbusri", password: "sri-2026" },
  { customer: "Ahmad Fauzi", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000002", router: 0, username: "ahmadfauzi", password: "fauzi-2026" },
  { customer: "Yuliani", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000003", router: 0, username: "yuliani", password: "yuli-2026" },
  { customer: "Dedi Kurniawan", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000004", router: 1, username: "dedikurniawan", password: "dedi-2026", profile: "rrnet-rumah-10-mbps", drift: "password" },
  { customer: "Toko Berkah Jaya", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000005", router: 1, username: "tokoberkah", password: "berkah-2026", profile: "rrnet-bisnis-50-mbps", drift: "profile" },
  { customer: "Sri Wahyuni", subscriptionId: "5e0d6c2a-1111-4a11-8a11-000000000006", router: 1, username: "sriwahyuni", password: "wahyuni-2026", profile: "rrnet-rumah-20-mbps", drift: "missing" },
] as const;
