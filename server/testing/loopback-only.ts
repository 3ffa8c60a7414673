// Tests never reach a non-loopback address. A test that feeds procedures generated input (router
// hosts, provider URLs from defaults) calls refuseNonLoopbackConnections() first: a connection
// to any other host fails at once with ECONNREFUSED, before any DNS lookup, as an unreachable
// host would — the code under test then takes its real "unreachable" path.
import net from "node:net";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|[a-z0-9-]+\.localhost)$/i;

function targetHost(args: unknown[]): string | null {
  const first = args[0];
  if (Array.isArray(first)) return targetHost(first);
  if (first && typeof first === "object") {
    const options = first as { host?: string; path?: string };
    if (options.path) return null; // a Unix socket
    return options.host ?? "localhost";
  }
  if (typeof first === "number") return typeof args[1] === "string" ? args[1] : "localhost";
  return null; // a Unix socket path
}

let installed = false;

export function refuseNonLoopbackConnections(): void {
  if (installed) return;
  installed = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const host = targetHost(args);
    if (host !== null && !LOOPBACK.test(host)) {
      const error = Object.assign(new Error(`connect ECONNREFUSED ${host} (tests reach loopback only)`), { code: "ECONNREFUSED", syscall: "connect", address: host });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
}
