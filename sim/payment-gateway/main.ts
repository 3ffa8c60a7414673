// CLI: runs the Tripay simulator until SIGINT/SIGTERM.
//   tsx sim/payment-gateway/main.ts [--port 3900] [--host 127.0.0.1]
// TRIPAY_SIM_PORT / TRIPAY_SIM_HOST do the same; TRIPAY_SIM_MERCHANTS (a JSON array of
// {merchantCode, apiKey, privateKey}) adds merchants to the demo one. Point the web process at
// it with TRIPAY_BASE_URL=http://127.0.0.1:3900/api-sandbox. One JSON log line per event.
import { DEMO_TRIPAY_MERCHANT } from "./demo-merchant";
import { startTripaySim, type SimMerchant } from "./tripay-sim";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function extraMerchants(): SimMerchant[] {
  const raw = process.env.TRIPAY_SIM_MERCHANTS;
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new Error("TRIPAY_SIM_MERCHANTS must be a JSON array");
  return parsed.map((m: Record<string, unknown>) => {
    if (typeof m.merchantCode !== "string" || typeof m.apiKey !== "string" || typeof m.privateKey !== "string") {
      throw new Error("each TRIPAY_SIM_MERCHANTS entry needs merchantCode, apiKey and privateKey");
    }
    return { merchantCode: m.merchantCode, apiKey: m.apiKey, privateKey: m.privateKey };
  });
}

const line = (message: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ timestamp: new Date().toISOString(), service: "tripay-sim", message, ...fields })}\n`);

async function main() {
  const port = Number(arg("port") ?? process.env.TRIPAY_SIM_PORT ?? 3900);
  const host = arg("host") ?? process.env.TRIPAY_SIM_HOST ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${port}`);
  const merchants = [DEMO_TRIPAY_MERCHANT, ...extraMerchants()];
  const sim = await startTripaySim({ port, host, merchants, log: line });
  line("tripay simulator listening", { base_url: sim.sandboxBaseUrl, merchants: merchants.map((m) => m.merchantCode) });
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  line("tripay simulator failed to start", { error: (error as Error).message });
  process.exit(1);
});
