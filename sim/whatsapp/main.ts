// CLI: runs the Fonnte and WhatsApp Cloud API simulators until SIGINT/SIGTERM.
//   tsx sim/whatsapp/main.ts [--fonnte-port 3901] [--cloud-port 3902] [--app-origin http://demo.localhost:3000]
// FONNTE_SIM_PORT / WA_CLOUD_SIM_PORT / WA_SIM_APP_ORIGIN do the same. The demo accounts'
// webhooks go to Demo Net on the app origin. Point the app at them with
// FONNTE_BASE_URL=http://127.0.0.1:3901 and WA_CLOUD_BASE_URL=http://127.0.0.1:3902/v21.0.
// One JSON log line per event.
import { DEMO_CLOUD_ACCOUNT, DEMO_FONNTE_DEVICE } from "./demo-accounts";
import { startFonnteSim } from "./fonnte-sim";
import { startCloudSim } from "./wa-cloud-sim";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const line = (message: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ timestamp: new Date().toISOString(), service: "whatsapp-sim", message, ...fields })}\n`);

function port(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`bad port: ${value}`);
  return n;
}

async function main() {
  const host = arg("host") ?? "127.0.0.1";
  const appOrigin = (arg("app-origin") ?? process.env.WA_SIM_APP_ORIGIN ?? "http://demo.localhost:3000").replace(/\/+$/, "");
  const { webhookSecret, ...device } = DEMO_FONNTE_DEVICE;
  const hook = `${appOrigin}/api/whatsapp/fonnte/${webhookSecret}`;
  const fonnte = await startFonnteSim({ host, port: port(arg("fonnte-port") ?? process.env.FONNTE_SIM_PORT, 3901), devices: [{ ...device, statusWebhookUrl: hook, inboundWebhookUrl: hook }], deliverDelayMs: 1500, log: line });
  const cloud = await startCloudSim({ host, port: port(arg("cloud-port") ?? process.env.WA_CLOUD_SIM_PORT, 3902), accounts: [{ ...DEMO_CLOUD_ACCOUNT, webhookUrl: `${appOrigin}/api/whatsapp/cloud` }], deliverDelayMs: 1500, log: line });
  line("whatsapp simulators listening", { fonnte: fonnte.origin, cloud: cloud.baseUrl, app_origin: appOrigin });
  const stop = () => void Promise.all([fonnte.close(), cloud.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  line("whatsapp simulators failed to start", { error: (error as Error).message });
  process.exit(1);
});
