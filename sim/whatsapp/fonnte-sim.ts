// A Fonnte simulator (https://docs.fonnte.com): a real HTTP server speaking POST /send
// (`Authorization: <device token>`, multipart or urlencoded form fields target, message,
// countryCode) with Fonnte's reply shapes, and sending its unsigned webhooks: message status
// ({device, id, stateid, status, state}) and inbound chat ({device, sender, message, name}).
//
//   POST /send                               the API
//   GET  /__sim/messages                     every message taken (JSON)
//   POST /__sim/script   {token, outcomes}   the next sends of that device answer these outcomes
//                                            (ok, rate_limited, temporary, permanent, disconnected, hang)
//   POST /__sim/connect  {token, connected}  plug the device's phone in or out
//   POST /__sim/inbound  {token, sender, message}  a customer writes (inbound webhook)
//   POST /__sim/status   {id, state}         send a status webhook (delivered, read)
// Everything in memory.
import http from "node:http";
import { closeServer, delay, InFlight, listen, postJson, readBody, Script, sendJson, type Posted, type SimOutcome } from "./sim-http";

export type FonnteDevice = { token: string; device: string; statusWebhookUrl?: string; inboundWebhookUrl?: string };
export type FonnteSimMessage = { id: string; token: string; target: string; message: string; countryCode: string | null; at: number };

export type FonnteSimOptions = {
  devices: FonnteDevice[];
  port?: number;
  host?: string;
  /** After taking a message, send "sent" then "delivered" status webhooks (default true). */
  autoDeliver?: boolean;
  /** How long after taking a message its "sent" and "delivered" webhooks follow (default 100 ms). */
  deliverDelayMs?: number;
  /** How long the answer to a send takes after the message is taken (provider latency; default 0). */
  replyDelayMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

export type FonnteSim = {
  origin: string;
  port: number;
  messages(): FonnteSimMessage[];
  addDevice(device: FonnteDevice): void;
  script(token: string, outcomes: SimOutcome[]): void;
  setConnected(token: string, connected: boolean): void;
  setWebhooks(token: string, urls: { status?: string; inbound?: string }): void;
  inbound(token: string, sender: string, message: string): Promise<Posted | null>;
  status(id: string, state: "sent" | "delivered" | "read", status?: string): Promise<Posted | null>;
  /** Resolves when every webhook started so far has been answered. */
  settle(): Promise<void>;
  close(): Promise<void>;
};

export async function startFonnteSim(options: FonnteSimOptions): Promise<FonnteSim> {
  const devices = new Map(options.devices.map((d) => [d.token, { ...d, connected: true }]));
  const messages: FonnteSimMessage[] = [];
  const script = new Script();
  const inFlight = new InFlight();
  const log = options.log ?? (() => {});
  // Fonnte's ids are numbers unique at Fonnte: a restarted simulator must not hand out the ids of
  // messages an application already stored, so they start from the clock.
  let nextId = Math.floor(Date.now() / 1000) * 1000;
  let requestId = 2_900_000;


  function statusHook(message: FonnteSimMessage, state: string, status = "sent"): Promise<Posted | null> {
    const device = devices.get(message.token);
    if (!device?.statusWebhookUrl) return Promise.resolve(null);
    const body = JSON.stringify({ device: device.device, id: message.id, stateid: `${message.id}-${state}`, status, state });
    return inFlight.track(postJson(device.statusWebhookUrl, body));
  }

  async function parseForm(req: http.IncomingMessage, raw: Buffer): Promise<Record<string, string>> {
    const type = req.headers["content-type"] ?? "";
    if (type.includes("application/json")) {
      const json = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
      return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
    }
    const form = await new Request("http://sim/", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(raw) }).formData();
    const out: Record<string, string> = {};
    form.forEach((value, key) => {
      if (typeof value === "string") out[key] = value;
    });
    return out;
  }

  async function handleSend(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = req.headers.authorization ?? "";
    const device = devices.get(token);
    const raw = await readBody(req);
    if (!device) return sendJson(res, 200, { reason: "token invalid", status: false });
    const outcome = script.next(token);
    if (outcome === "hang") return; // never answered: the client's timeout fires (close() drops it)
    if (outcome === "rate_limited") return sendJson(res, 429, { reason: "rate limit exceeded, slow down", status: false }, { "retry-after": "2" });
    if (outcome === "temporary") return sendJson(res, 502, { reason: "server busy", status: false });
    if (outcome === "disconnected" || !device.connected) return sendJson(res, 200, { reason: "request invalid on disconnected device", status: false });
    let fields: Record<string, string>;
    try {
      fields = await parseForm(req, raw);
    } catch {
      return sendJson(res, 200, { reason: "invalid request", status: false });
    }
    const target = (fields.target ?? "").trim();
    if (outcome === "permanent" || !/^\d{8,15}$/.test(target)) return sendJson(res, 200, { reason: "target invalid", status: false });
    if (!fields.message) return sendJson(res, 200, { reason: "message required", status: false });
    const message: FonnteSimMessage = { id: String(nextId++), token, target, message: fields.message, countryCode: fields.countryCode ?? null, at: Date.now() };
    messages.push(message);
    log("fonnte message taken", { id: message.id, target });
    if (options.replyDelayMs) await delay(options.replyDelayMs);
    sendJson(res, 200, { detail: "success! message in queue", id: [message.id], process: "pending", requestid: requestId++, status: true, target: [target] });
    if (options.autoDeliver ?? true) {
      void inFlight.track(delay(options.deliverDelayMs ?? 100).then(() => statusHook(message, "sent")).then(() => statusHook(message, "delivered")));
    }
  }

  async function handleAdmin(path: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method === "GET" && path === "/__sim/messages") return sendJson(res, 200, messages);
    const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, unknown>;
    if (path === "/__sim/script") {
      api.script(String(body.token), (body.outcomes as SimOutcome[]) ?? []);
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/__sim/connect") {
      api.setConnected(String(body.token), body.connected === true);
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/__sim/inbound") return sendJson(res, 200, await api.inbound(String(body.token), String(body.sender), String(body.message)));
    if (path === "/__sim/status") return sendJson(res, 200, await api.status(String(body.id), body.state as "delivered"));
    return sendJson(res, 404, { reason: "not found", status: false });
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://sim").pathname;
    const work = req.method === "POST" && path.replace(/\/+$/, "") === "/send" ? handleSend(req, res) : path.startsWith("/__sim/") ? handleAdmin(path, req, res) : Promise.resolve(sendJson(res, 404, { reason: "not found", status: false }));
    work.catch((error: unknown) => {
      log("fonnte simulator error", { error: (error as Error).message });
      if (!res.headersSent) sendJson(res, 500, { reason: "simulator error", status: false });
    });
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);

  const api: FonnteSim = {
    origin: `http://${host}:${port}`,
    port,
    messages: () => [...messages],
    addDevice: (device) => void devices.set(device.token, { ...device, connected: true }),
    script: (token, outcomes) => script.push(token, outcomes),
    setConnected(token, connected) {
      const device = devices.get(token);
      if (device) device.connected = connected;
    },
    setWebhooks(token, urls) {
      const device = devices.get(token);
      if (!device) return;
      if (urls.status !== undefined) device.statusWebhookUrl = urls.status;
      if (urls.inbound !== undefined) device.inboundWebhookUrl = urls.inbound;
    },
    inbound(token, sender, message) {
      const device = devices.get(token);
      if (!device?.inboundWebhookUrl) return Promise.resolve(null);
      return inFlight.track(postJson(device.inboundWebhookUrl, JSON.stringify({ device: device.device, sender, message, name: "", member: "", location: "" })));
    },
    status(id, state, status = "sent") {
      const message = messages.find((m) => m.id === id);
      return message ? statusHook(message, state, status) : Promise.resolve(null);
    },
    settle: () => inFlight.settle(),
    close: () => closeServer(server),
  };
  return api;
}
