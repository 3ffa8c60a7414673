// What every way of talking to a MikroTik router offers: print, add, set, remove on a menu path
// (`/ppp/secret`), with RouterOS's own field names and string values. Two implementations: the
// binary API (api-transport.ts, node-routeros) and the v7 REST API (rest-transport.ts). Their
// failures are AppErrors with stable codes: ROUTER_UNREACHABLE (details.reason: refused,
// timeout, closed, dns, tls, network), ROUTER_AUTH_FAILED (reason: credentials, or policy when
// the user's group lacks `api` — RouterOS says "not allowed (9)"), ROUTER_COMMAND_FAILED (the
// router's trap message and category).
import "server-only";
import { AppError } from "@/server/errors/app-error";

export type RouterRow = Record<string, string>;

export type RouterTransportKind = "api" | "api-ssl" | "rest";

export type RouterConnectionConfig = {
  host: string;
  port: number;
  transport: RouterTransportKind;
  username: string;
  password: string;
  /**
   * TLS (api-ssl, rest): check the router's certificate against the system CAs and its name.
   * Off, api-ssl also accepts anonymous Diffie-Hellman — all a router whose api-ssl service has
   * no certificate offers — so the link is encrypted but not authenticated.
   */
  tlsVerify: boolean;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
};

export type PrintOptions = {
  /** Equality filters, ANDed (`{ name: "budi" }` → `?name=budi`). */
  where?: RouterRow;
  proplist?: readonly string[];
};

export interface RouterTransport {
  print(menu: string, options?: PrintOptions): Promise<RouterRow[]>;
  /** Returns the new item's `.id`. */
  add(menu: string, values: RouterRow): Promise<string>;
  set(menu: string, id: string, values: RouterRow): Promise<void>;
  remove(menu: string, ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
  /** False once the connection is gone; the pool then opens a new one. */
  readonly usable: boolean;
}

export const DEFAULT_PORTS: Record<RouterTransportKind, number> = { api: 8728, "api-ssl": 8729, rest: 443 };

export type UnreachableReason = "refused" | "timeout" | "closed" | "dns" | "tls" | "network";

export function unreachable(config: Pick<RouterConnectionConfig, "host" | "port">, reason: UnreachableReason, cause?: unknown): AppError {
  return new AppError("ROUTER_UNREACHABLE", { host: config.host, port: config.port, reason }, undefined, { cause });
}

export function authFailed(config: Pick<RouterConnectionConfig, "host" | "username">, reason: "credentials" | "policy"): AppError {
  return new AppError("ROUTER_AUTH_FAILED", { host: config.host, username: config.username, reason });
}

export function commandFailed(command: string, message: string, category?: number): AppError {
  return new AppError("ROUTER_COMMAND_FAILED", { command, message: message.slice(0, 500), ...(category !== undefined ? { category } : {}) });
}

/** Node's socket error codes → why the router could not be reached. */
export function reasonOfSocketError(code: string | undefined): UnreachableReason {
  switch (code) {
    case "ECONNREFUSED":
      return "refused";
    case "ETIMEDOUT":
    case "ESOCKETTIMEDOUT":
      return "timeout";
    case "ECONNRESET":
    case "EPIPE":
      return "closed";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "dns";
    default:
      return code?.startsWith("ERR_SSL") || code?.startsWith("ERR_TLS") || code?.includes("CERT") ? "tls" : "network";
  }
}

/** Rejects with `onTimeout()` when `promise` has not settled in `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
