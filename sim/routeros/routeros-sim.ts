// One simulated MikroTik router: a RouterModel served over the binary API (plain, and API-SSL
// with anonymous DH or a certificate) and REST, with injectable faults and a log of every
// command received (tests and the benchmark count them).
import { startApiServer, type ApiServer, type SimFaults } from "./api-server";
import { RouterModel, type RouterModelOptions } from "./model";
import { startRestServer, type RestServer } from "./rest-server";

export type RouterOsSimOptions = RouterModelOptions & {
  host?: string;
  /** 0 (default) picks a free port; null leaves that front end off. */
  apiPort?: number | null;
  apiSslPort?: number | null;
  restPort?: number | null;
  /** REST over HTTPS with this certificate (plain HTTP without, like RouterOS's `www`). */
  restTls?: { cert: string; key: string };
  /** API-SSL with this certificate; without one it offers anonymous DH only, like a router whose api-ssl has none. */
  apiSslTls?: { cert: string; key: string };
  /** Defaults to the version: RouterOS 7.18 and later send `!empty`. */
  emptyReply?: boolean;
};

export type RouterOsSim = {
  model: RouterModel;
  faults: SimFaults;
  host: string;
  apiPort: number | null;
  apiSslPort: number | null;
  restPort: number | null;
  /** Every command received, first word first (REST: `METHOD /rest/<menu>[/<id>]`). */
  commands: string[][];
  /** Closes every open API connection (the client must reconnect). */
  dropConnections(): void;
  /** API and API-SSL connections open now (a client that closed its own is gone from the count). */
  openConnections(): number;
  close(): Promise<void>;
};

export function sendsEmptyReply(version: string): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 7 || (major === 7 && minor >= 18);
}

export async function startRouterOsSim(options: RouterOsSimOptions = {}): Promise<RouterOsSim> {
  const model = new RouterModel(options);
  const faults: SimFaults = { reachability: "ok", delayMs: 0 };
  const commands: string[][] = [];
  const host = options.host ?? "127.0.0.1";
  const emptyReply = options.emptyReply ?? sendsEmptyReply(model.version);
  const onCommand = (words: string[]) => void commands.push(words.filter((w) => !w.startsWith(".tag=")));
  const servers: Array<ApiServer | RestServer> = [];
  const api = options.apiPort === null ? null : await startApiServer({ model, faults, emptyReply, host, port: options.apiPort ?? 0, onCommand });
  const apiSsl =
    options.apiSslPort === null ? null : await startApiServer({ model, faults, emptyReply, host, port: options.apiSslPort ?? 0, tls: options.apiSslTls ?? {}, onCommand });
  const rest = options.restPort === null ? null : await startRestServer({ model, faults, host, port: options.restPort ?? 0, tls: options.restTls, onCommand });
  for (const server of [api, apiSsl, rest]) if (server) servers.push(server);
  return {
    model,
    faults,
    host,
    apiPort: api?.port ?? null,
    apiSslPort: apiSsl?.port ?? null,
    restPort: rest?.port ?? null,
    commands,
    dropConnections: () => {
      api?.dropConnections();
      apiSsl?.dropConnections();
    },
    openConnections: () => (api?.openConnections() ?? 0) + (apiSsl?.openConnections() ?? 0),
    close: async () => {
      model.stop();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
