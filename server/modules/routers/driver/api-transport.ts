// The binary RouterOS API (8728, API-SSL 8729) through node-routeros 1.6.9, as patched in
// patches/node-routeros+1.6.9.patch (`!empty` of RouterOS 7.18+, traps keep their category,
// unknown replies and late replies no longer crash the process). The library leaves a command
// pending forever when the connection drops and its socket timeout is an idle timeout, so this
// file adds what it lacks: a connect timeout, a timeout per command, and failing every pending
// command with ROUTER_UNREACHABLE {reason: "closed"} when the connection ends.
import "server-only";
import { getSystemErrorName } from "node:util";
import { RouterOSAPI } from "node-routeros";
import type { AppError } from "@/server/errors/app-error";
import {
  authFailed,
  commandFailed,
  reasonOfSocketError,
  unreachable,
  withTimeout,
  type PrintOptions,
  type RouterConnectionConfig,
  type RouterRow,
  type RouterTransport,
} from "./router-transport";

/** What a router without a certificate offers on api-ssl; OpenSSL allows it only at level 0. */
export const ANONYMOUS_DH_CIPHERS = "ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:ADH-AES256-SHA256:ADH-AES128-SHA256";
const IDLE_TIMEOUT_S = 120;

type RosError = Error & { errno?: unknown; code?: string; category?: string };

export class ApiTransport implements RouterTransport {
  private readonly api: RouterOSAPI;
  private readonly pending = new Set<(error: AppError) => void>();
  private alive = false;

  private constructor(private readonly config: RouterConnectionConfig) {
    this.api = new RouterOSAPI({
      host: config.host,
      port: config.port,
      user: config.username,
      password: config.password,
      timeout: IDLE_TIMEOUT_S,
      tls: config.transport === "api-ssl" ? tlsOptions(config) : undefined,
    });
    // node-routeros emits 'error' on a connected API whose socket fails; unhandled, it throws.
    this.api.on("error", (error: RosError) => this.lost(this.socketFailure(error)));
    this.api.on("close", () => this.lost(unreachable(config, "closed")));
  }

  static async connect(config: RouterConnectionConfig): Promise<ApiTransport> {
    const transport = new ApiTransport(config);
    // A router that accepts and hangs up (service disabled, address not allowed) never answers
    // the login: the library then neither resolves nor rejects.
    const hungUp = new Promise<never>((_, reject) => transport.api.once("close", () => reject(unreachable(config, "closed"))));
    try {
      await withTimeout(Promise.race([transport.api.connect(), hungUp]), config.connectTimeoutMs, () => unreachable(config, "timeout"));
    } catch (error) {
      transport.destroy();
      throw transport.connectFailure(error as RosError);
    }
    transport.alive = true;
    return transport;
  }

  get usable(): boolean {
    return this.alive;
  }

  async print(menu: string, options: PrintOptions = {}): Promise<RouterRow[]> {
    const words: string[] = [];
    if (options.proplist) words.push(`=.proplist=${options.proplist.join(",")}`);
    for (const [field, value] of Object.entries(options.where ?? {})) words.push(`?${field}=${value}`);
    const rows = await this.run(`${menu}/print`, words);
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])));
  }

  async add(menu: string, values: RouterRow): Promise<string> {
    const rows = await this.run(`${menu}/add`, attributes(values));
    const id = rows.find((row) => typeof row.ret === "string")?.ret;
    if (!id) throw commandFailed(`${menu}/add`, "the router did not answer the new item's id");
    return id;
  }

  async set(menu: string, id: string, values: RouterRow): Promise<void> {
    await this.run(`${menu}/set`, [`=.id=${id}`, ...attributes(values)]);
  }

  async remove(menu: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.run(`${menu}/remove`, [`=.id=${ids.join(",")}`]);
  }

  async close(): Promise<void> {
    const wasAlive = this.alive;
    this.alive = false;
    // RouterOSAPI.close() waits for a 'close' that a destroyed connector never emits.
    if (wasAlive && this.api.connected) await withTimeout(this.api.close(), 1000, () => new Error("close timeout")).catch(() => undefined);
    this.destroy();
  }

  private async run(command: string, words: string[]): Promise<RouterRow[]> {
    if (!this.alive) throw unreachable(this.config, "closed");
    let rejectPending: ((error: AppError) => void) | undefined;
    const dropped = new Promise<never>((_, reject) => {
      rejectPending = reject;
    });
    this.pending.add(rejectPending!);
    try {
      const reply = this.api.write(command, words) as Promise<RouterRow[]>;
      return await withTimeout(Promise.race([reply, dropped]), this.config.commandTimeoutMs, () => {
        // The reply may still come; the patched receiver drops it. The connection is suspect.
        this.lost(unreachable(this.config, "timeout"));
        return unreachable(this.config, "timeout");
      });
    } catch (error) {
      if ((error as AppError).code?.startsWith?.("ROUTER_")) throw error;
      const trap = error as RosError;
      throw commandFailed(command, trap.message, trap.category !== undefined ? Number(trap.category) : undefined);
    } finally {
      this.pending.delete(rejectPending!);
    }
  }

  private lost(error: AppError): void {
    if (!this.alive && this.pending.size === 0) return;
    this.alive = false;
    for (const reject of this.pending) reject(error);
    this.pending.clear();
    this.destroy();
  }

  private destroy(): void {
    // RouterOSAPI.close() only works on a logged-in connection; the connector is private.
    (this.api as unknown as { connector?: { destroy(): void } | null }).connector?.destroy();
  }

  private connectFailure(error: RosError): AppError {
    if ((error as unknown as AppError).code?.startsWith?.("ROUTER_")) return error as unknown as AppError;
    const message = error?.message ?? String(error);
    if (error?.errno === "CANTLOGIN" || message.includes("invalid user name or password")) return authFailed(this.config, "credentials");
    if (message.includes("not allowed")) return authFailed(this.config, "policy");
    if (error?.errno === "SOCKTMOUT") return unreachable(this.config, "timeout", error);
    return this.socketFailure(error);
  }

  private socketFailure(error: RosError): AppError {
    const code = typeof error?.errno === "number" ? safeErrorName(error.errno) : (error?.code ?? (typeof error?.errno === "string" ? error.errno : undefined));
    return unreachable(this.config, reasonOfSocketError(code), error);
  }
}

function attributes(values: RouterRow): string[] {
  return Object.entries(values).map(([field, value]) => `=${field}=${value}`);
}

function tlsOptions(config: RouterConnectionConfig) {
  if (config.tlsVerify) return { rejectUnauthorized: true, servername: config.host };
  return {
    rejectUnauthorized: false,
    // Certificates when the router has one, anonymous DH when it has none (TLS 1.2 at most:
    // TLS 1.3 has no anonymous suites). Not DEFAULT: its `!aNULL` would remove them for good.
    ciphers: `HIGH:${ANONYMOUS_DH_CIPHERS}:@SECLEVEL=0`,
    maxVersion: "TLSv1.2" as const,
  };
}

function safeErrorName(errno: number): string | undefined {
  try {
    return getSystemErrorName(errno);
  } catch {
    return undefined;
  }
}
