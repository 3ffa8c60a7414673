// The RouterOS v7 REST API (https://<router>/rest/…, Basic auth, JSON strings): GET lists, PUT
// adds, PATCH sets, DELETE removes, POST <menu>/print queries. It needs neither node-routeros
// nor anonymous ciphers, so it is the simpler choice on v7 routers with a certificate on www-ssl.
// Each call is one HTTPS request on a keep-alive agent per router.
import "server-only";
import https from "node:https";
import { isIP } from "node:net";
import { z } from "zod";
import { commandFailed, authFailed, reasonOfSocketError, unreachable, type PrintOptions, type RouterConnectionConfig, type RouterRow, type RouterTransport } from "./router-transport";

const MAX_REPLY_BYTES = 64 * 1024 * 1024;
const ZRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));
const ZRows = z.union([z.array(ZRow), ZRow.transform((row) => [row])]);
const ZError = z.object({ detail: z.string().optional(), message: z.string().optional() });

export class RestTransport implements RouterTransport {
  private readonly agent: https.Agent;
  private closed = false;

  private constructor(private readonly config: RouterConnectionConfig) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 4, rejectUnauthorized: config.tlsVerify, ...(isIP(config.host) ? {} : { servername: config.host }) });
    // SNI carries names only (RFC 6066); an IP is checked against the certificate without it.
  }

  /** Checks the credentials with one read, so a bad password fails here as with the API. */
  static async connect(config: RouterConnectionConfig): Promise<RestTransport> {
    const transport = new RestTransport(config);
    try {
      await transport.request("GET", "/system/identity", undefined, config.connectTimeoutMs);
    } catch (error) {
      await transport.close();
      throw error;
    }
    return transport;
  }

  get usable(): boolean {
    return !this.closed;
  }

  async print(menu: string, options: PrintOptions = {}): Promise<RouterRow[]> {
    const where = Object.entries(options.where ?? {});
    const reply =
      where.length === 0 && !options.proplist
        ? await this.request("GET", menu)
        : await this.request("POST", `${menu}/print`, {
            ...(options.proplist ? { ".proplist": options.proplist } : {}),
            ...(where.length ? { ".query": where.map(([k, v]) => `${k}=${v}`) } : {}),
          });
    return parse(ZRows, reply, `${menu}/print`);
  }

  async add(menu: string, values: RouterRow): Promise<string> {
    const row = parse(ZRow, await this.request("PUT", menu, values), `${menu}/add`);
    if (!row[".id"]) throw commandFailed(`${menu}/add`, "the router did not answer the new item's id");
    return row[".id"];
  }

  async set(menu: string, id: string, values: RouterRow): Promise<void> {
    await this.request("PATCH", `${menu}/${encodeURIComponent(id)}`, values);
  }

  async remove(menu: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.request("DELETE", `${menu}/${encodeURIComponent(id)}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.agent.destroy();
  }

  private request(method: string, path: string, body?: unknown, timeoutMs = this.config.commandTimeoutMs): Promise<unknown> {
    const command = `${method} /rest${path}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const auth = Buffer.from(`${this.config.username}:${this.config.password}`).toString("base64");
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: this.config.host,
          port: this.config.port,
          method,
          path: `/rest${path}`,
          agent: this.agent,
          headers: {
            authorization: `Basic ${auth}`,
            accept: "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_REPLY_BYTES) req.destroy(new Error("reply too large"));
            else chunks.push(chunk);
          });
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            if (status === 401) return reject(authFailed(this.config, "credentials"));
            if (status === 204 || text === "") return resolve(null);
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              return reject(commandFailed(command, `unreadable reply (HTTP ${status})`));
            }
            if (status >= 400) {
              const error = ZError.safeParse(json);
              return reject(commandFailed(command, (error.success && (error.data.detail ?? error.data.message)) || `HTTP ${status}`));
            }
            resolve(json);
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
      req.on("error", (error: Error & { code?: string }) => reject(unreachable(this.config, reasonOfSocketError(error.code), error)));
      req.end(payload);
    });
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, command: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw commandFailed(command, "unexpected reply from the router");
  return result.data;
}
