// The RouterOS v7 REST API (https://help.mikrotik.com/docs/display/ROS/REST+API) on the same
// RouterModel as the binary API: Basic auth (a user whose group has the `rest-api` policy),
// JSON with every value a string; GET /rest/<menu> lists (query string filters by equality),
// GET /rest/<menu>/<id> one item, PUT adds (answers the new item), PATCH sets, DELETE removes
// (204), POST /rest/<menu>/<command> runs print/add/set/remove with a JSON body (`.proplist`,
// `.query`, `.id`). Errors are `{error, message, detail}` as RouterOS sends them.
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { compileQuery, type SimFaults } from "./api-server";
import { RouterModel, SimTrap, type Row } from "./model";

export type RestServerOptions = {
  model: RouterModel;
  faults: SimFaults;
  port?: number;
  host?: string;
  /** HTTPS with this certificate; plain HTTP (RouterOS's `www` service) without. */
  tls?: { cert: string; key: string };
  onCommand?: (words: string[]) => void;
};

export type RestServer = { port: number; close(): Promise<void> };

const SINGLETONS = new Set(["/system/identity", "/system/resource"]);

export async function startRestServer(options: RestServerOptions): Promise<RestServer> {
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (options.faults.reachability === "refuse") return void req.socket.destroy();
    if (options.faults.reachability === "blackhole") return;
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const finish = () => respond(options, req, body, res);
      if (options.faults.delayMs > 0) setTimeout(finish, options.faults.delayMs);
      else finish();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  if (status === 204) return void res.writeHead(204).end();
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}

function respond(options: RestServerOptions, req: http.IncomingMessage, body: string, res: http.ServerResponse) {
  const { model } = options;
  const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
  const [name, ...pw] = auth ? Buffer.from(auth[1]!, "base64").toString("utf8").split(":") : [];
  if (!auth || model.checkLogin(name ?? "", pw.join(":"), "rest-api")) {
    return json(res, 401, { error: 401, message: "Unauthorized" });
  }
  const url = new URL(req.url ?? "/", "http://router");
  if (!url.pathname.startsWith("/rest/")) return json(res, 404, { error: 404, message: "Not Found" });
  const segments = url.pathname.slice(5).split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";
  let payload: Record<string, unknown> = {};
  if (body.trim()) {
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: 400, message: "Bad Request", detail: "JSON parsing error" });
    }
  }
  const last = segments.at(-1) ?? "";
  const id = last.startsWith("*") ? last : undefined;
  const commandVerb = method === "POST" && !id ? last : undefined;
  const menu = "/" + (id || commandVerb ? segments.slice(0, -1) : segments).join("/");
  options.onCommand?.([`${method} /rest${menu}${id ? `/${id}` : ""}${commandVerb ? `/${commandVerb}` : ""}`]);
  try {
    if (!model.hasMenu(menu)) throw new SimTrap("no such command prefix");
    const values = stringValues(payload);
    if (method === "GET") {
      const rows = model.print(menu, {
        where: (row) => [...url.searchParams].every(([k, v]) => k === ".proplist" || row[k] === v) && (!id || row[".id"] === id),
        proplist: url.searchParams.get(".proplist")?.split(","),
      });
      if (SINGLETONS.has(menu)) return json(res, 200, rows[0] ?? {});
      if (id) return rows[0] ? json(res, 200, rows[0]) : json(res, 404, { error: 404, message: "Not Found" });
      return json(res, 200, rows);
    }
    if (method === "PUT" && !id) {
      const newId = model.add(menu, values);
      return json(res, 201, model.print(menu, { where: (row) => row[".id"] === newId })[0]);
    }
    if (method === "PATCH" && (id || SINGLETONS.has(menu))) {
      model.set(menu, id, values);
      return json(res, 200, model.print(menu, { where: (row) => !id || row[".id"] === id })[0]);
    }
    if (method === "DELETE" && id) {
      model.remove(menu, [id]);
      return json(res, 204, null);
    }
    if (commandVerb === "print") {
      const queries = Array.isArray(payload[".query"]) ? (payload[".query"] as unknown[]).map(String) : [];
      const proplist = payload[".proplist"];
      return json(
        res,
        200,
        model.print(menu, {
          where: queries.length ? compileQuery(queries) : undefined,
          proplist: Array.isArray(proplist) ? proplist.map(String) : typeof proplist === "string" ? proplist.split(",") : undefined,
        }),
      );
    }
    if (commandVerb === "add") return json(res, 200, { ret: model.add(menu, values) });
    if (commandVerb === "set") {
      const { ".id": ref, ...rest } = values;
      model.set(menu, ref, rest);
      return json(res, 200, []);
    }
    if (commandVerb === "remove") {
      model.remove(menu, (values[".id"] ?? "").split(",").filter(Boolean));
      return json(res, 200, []);
    }
    throw new SimTrap("no such command");
  } catch (error) {
    if (!(error instanceof SimTrap)) throw error;
    const notFound = error.message === "no such item";
    return json(res, notFound ? 404 : 400, { error: notFound ? 404 : 400, message: notFound ? "Not Found" : "Bad Request", detail: error.message });
  }
}

function stringValues(payload: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(payload)) {
    if (k === ".proplist" || k === ".query") continue;
    out[k] = typeof v === "string" ? v : typeof v === "boolean" ? (v ? "true" : "false") : String(v);
  }
  return out;
}
