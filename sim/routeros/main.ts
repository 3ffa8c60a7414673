// CLI: the demo's two simulated MikroTik routers, until SIGINT/SIGTERM.
//   tsx sim/routeros/main.ts [--host 127.0.0.1] [--port 3910]
// ROUTEROS_SIM_PORT (default 3910) is the first router's binary API port; the second router
// listens on the next one. Both log in `rrnet` / DEMO_ROUTEROS_PASSWORD, the credentials
// prisma/seed.ts gives Demo Net's routers. "Demo Core" runs RouterOS 7.19 (sends `!empty`),
// "Demo Timur" 7.16 (does not). One JSON log line per event.
import { DEMO_ACCOUNTS, DEMO_ROUTERS, DEMO_ROUTEROS_USER } from "./demo-routers";
import { startRouterOsSim, type RouterOsSim } from "./routeros-sim";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const line = (message: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ timestamp: new Date().toISOString(), service: "routeros-sim", message, ...fields })}\n`);

async function main() {
  const port = Number(arg("port") ?? process.env.ROUTEROS_SIM_PORT ?? 3910);
  const host = arg("host") ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 1 || port > 65534) throw new Error(`bad port: ${port}`);
  const sims: RouterOsSim[] = [];
  for (const [index, router] of DEMO_ROUTERS.entries()) {
    const sim = await startRouterOsSim({
      host,
      identity: router.identity,
      version: router.version,
      boardName: router.boardName,
      users: [DEMO_ROUTEROS_USER],
      apiPort: port + index,
      apiSslPort: null,
      restPort: null,
      reconnectDelayMs: 3000,
    });
    sims.push(sim);
    // Demo Timur already holds its subscribers' secrets, some drifted (see DEMO_ACCOUNTS).
    if (index === 1) {
      sim.model.add("/ppp/profile", { name: "rrnet-rumah-10-mbps", "rate-limit": "5M/10M" });
      sim.model.add("/ppp/profile", { name: "rrnet-bisnis-50-mbps", "rate-limit": "25M/50M" });
      for (const a of DEMO_ACCOUNTS.filter((x) => x.router === 1)) {
        const drift = "drift" in a ? a.drift : null;
        if (drift === "missing") continue;
        sim.model.add("/ppp/secret", { name: a.username, password: drift === "password" ? "diubah-manual" : a.password, profile: drift === "profile" || !("profile" in a) ? "default" : a.profile, service: "pppoe", comment: `rrnet:sub:${a.subscriptionId}` });
      }
    }
    // Every demo subscriber's modem dials its router (and again whenever RRNET lets it in).
    for (const a of DEMO_ACCOUNTS.filter((x) => x.router === index)) sim.model.addClient(a.username, a.password);
    setInterval(() => sim.model.dialAll(), 5_000).unref();
    line("simulated router listening", { identity: router.identity, version: router.version, api: `${host}:${sim.apiPort}` });
  }
  const stop = () => void Promise.all(sims.map((s) => s.close())).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  line("routeros simulator failed to start", { error: (error as Error).message });
  process.exit(1);
});
