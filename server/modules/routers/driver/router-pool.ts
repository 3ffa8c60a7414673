// One connection per router, reused across calls, with at most `maxConcurrent` commands in
// flight on it; a connection that failed (or whose settings changed) is replaced on next use;
// closeAll() on shutdown. Processes (web, worker) each keep one pool: routerPool().
import "server-only";
import { ApiTransport } from "./api-transport";
import { RestTransport } from "./rest-transport";
import { RouterClient, type RouterClientHooks } from "./router-client";
import type { RouterConnectionConfig, RouterTransport } from "./router-transport";

export type Connect = (config: RouterConnectionConfig) => Promise<RouterTransport>;

export const connectTransport: Connect = (config) => (config.transport === "rest" ? RestTransport.connect(config) : ApiTransport.connect(config));

type Entry = { fingerprint: string; transport: Promise<RouterTransport> | null; active: number; waiting: Array<() => void> };

export class RouterPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: { maxConcurrent?: number; connect?: Connect } = {}) {}

  /** Runs `work` with a client on router `key`'s connection (opened on first use). */
  async use<T>(key: string, config: RouterConnectionConfig, work: (client: RouterClient) => Promise<T>, hooks?: RouterClientHooks): Promise<T> {
    const entry = this.entry(key, config);
    await this.acquire(entry);
    try {
      const transport = await this.transportOf(entry, config);
      return await work(new RouterClient(transport, hooks));
    } finally {
      this.release(entry);
    }
  }

  /** Forgets router `key` (deleted, or its settings changed) and closes its connection. */
  async drop(key: string): Promise<void> {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    await closeQuietly(entry?.transport);
  }

  async closeAll(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((entry) => closeQuietly(entry.transport)));
  }

  private entry(key: string, config: RouterConnectionConfig): Entry {
    const fingerprint = JSON.stringify([config.host, config.port, config.transport, config.username, config.password, config.tlsVerify]);
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        // New address or credentials: the old connection must not serve them.
        void closeQuietly(existing.transport);
        existing.transport = null;
        existing.fingerprint = fingerprint;
      }
      return existing;
    }
    const entry: Entry = { fingerprint, transport: null, active: 0, waiting: [] };
    this.entries.set(key, entry);
    return entry;
  }

  private async transportOf(entry: Entry, config: RouterConnectionConfig): Promise<RouterTransport> {
    if (entry.transport) {
      const current = await entry.transport.catch(() => null);
      if (current?.usable) return current;
      entry.transport = null;
    }
    const connecting = (this.options.connect ?? connectTransport)(config);
    entry.transport = connecting;
    try {
      return await connecting;
    } catch (error) {
      if (entry.transport === connecting) entry.transport = null;
      throw error;
    }
  }

  private acquire(entry: Entry): Promise<void> {
    if (entry.active < (this.options.maxConcurrent ?? 4)) {
      entry.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => entry.waiting.push(() => resolve()));
  }

  private release(entry: Entry): void {
    const next = entry.waiting.shift();
    if (next) next();
    else entry.active--;
  }
}

async function closeQuietly(transport: Promise<RouterTransport> | null | undefined): Promise<void> {
  const current = await transport?.catch(() => null);
  await current?.close().catch(() => undefined);
}

let shared: RouterPool | undefined;
export function routerPool(): RouterPool {
  return (shared ??= new RouterPool());
}
