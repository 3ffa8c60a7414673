// Small HTTP helpers shared by the WhatsApp simulators (no application code: the simulators
// are written from the providers' public contracts, independently of the adapters).
import http from "node:http";
import type { AddressInfo } from "node:net";

export const SIM_OUTCOMES = ["ok", "rate_limited", "temporary", "permanent", "disconnected", "hang"] as const;
export type SimOutcome = (typeof SIM_OUTCOMES)[number];

export async function readBody(req: http.IncomingMessage, max = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers }).end(text);
}

export type Posted = { url: string; httpStatus: number | null; body?: string; error?: string };

/**
 * One HTTP request from a simulator to the application. Names under `.localhost` are loopback
 * (as browsers treat them), reached with the name in the Host header, so a tenant's webhook
 * URL works as the application prints it. Never throws (a simulator logs, it does not crash).
 */
export function request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Posted> {
  const target = new URL(url);
  const loopback = target.hostname.endsWith(".localhost") || target.hostname === "localhost";
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: loopback ? "127.0.0.1" : target.hostname,
        port: target.port || 80,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? "GET",
        headers: { host: target.host, ...(init.body !== undefined ? { "content-length": Buffer.byteLength(init.body) } : {}), ...init.headers },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ url, httpStatus: res.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => resolve({ url, httpStatus: null, error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve({ url, httpStatus: null, error: error.message }));
    req.end(init.body);
  });
}

/** POSTs JSON to the application's webhook. */
export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<Posted> {
  return request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes the server and every connection, including requests a "hang" outcome left unanswered. */
export async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Scripted outcomes per account: the next calls answer these, then "ok". */
export class Script {
  private readonly queues = new Map<string, SimOutcome[]>();
  push(account: string, outcomes: SimOutcome[]): void {
    this.queues.set(account, [...(this.queues.get(account) ?? []), ...outcomes]);
  }
  next(account: string): SimOutcome {
    return this.queues.get(account)?.shift() ?? "ok";
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Webhooks a simulator has started and not yet seen answered, so a test can wait for them all. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
