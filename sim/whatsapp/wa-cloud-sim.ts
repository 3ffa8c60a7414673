// A WhatsApp Business Cloud API simulator (developers.facebook.com/docs/whatsapp/cloud-api):
// a real HTTP server for POST /{version}/{phone-number-id}/messages (bearer token, template
// messages) with the Graph API's success and error shapes, and signed webhooks
// (`X-Hub-Signature-256: sha256=HMAC(app secret, body)`) for statuses and inbound text.
//
//   POST /{version}/{phone-number-id}/messages        the API
//   GET  /__sim/messages                              every message taken (JSON)
//   POST /__sim/script   {phoneNumberId, outcomes}    the next sends answer these outcomes
//   POST /__sim/inbound  {phoneNumberId, from, text}  a customer writes
//   POST /__sim/status   {id, status}                 send a status webhook (delivered, read, failed)
// Everything in memory.
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { closeServer, delay, InFlight, listen, postJson, readBody, Script, sendJson, type Posted, type SimOutcome } from "./sim-http";

export type CloudAccount = { phoneNumberId: string; accessToken: string; appSecret: string; displayPhoneNumber?: string; webhookUrl?: string; approvedTemplates?: string[] };
export type CloudSimMessage = { id: string; phoneNumberId: string; to: string; template: { name: string; language: string; parameters: string[]; copyCode?: string }; opaque: string | null; at: number };

export type CloudSimOptions = {
  accounts: CloudAccount[];
  port?: number;
  host?: string;
  autoDeliver?: boolean;
  /** How long after taking a message its "sent" and "delivered" webhooks follow (default 100 ms). */
  deliverDelayMs?: number;
  /** Signs webhooks with a wrong key (to test that the application refuses them). */
  badSignature?: boolean;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

export type CloudSim = {
  origin: string;
  /** The base the application uses: `${origin}/v21.0`. */
  baseUrl: string;
  port: number;
  messages(): CloudSimMessage[];
  addAccount(account: CloudAccount): void;
  script(phoneNumberId: string, outcomes: SimOutcome[]): void;
  setWebhook(phoneNumberId: string, url: string): void;
  inbound(phoneNumberId: string, from: string, text: string): Promise<Posted | null>;
  status(id: string, status: "sent" | "delivered" | "read" | "failed"): Promise<Posted | null>;
  signBadly(bad: boolean): void;
  settle(): Promise<void>;
  close(): Promise<void>;
};

const VERSION = "v21.0";

function graphError(res: http.ServerResponse, httpStatus: number, code: number, message: string, type = "OAuthException") {
  sendJson(res, httpStatus, { error: { message, type, code, error_data: { messaging_product: "whatsapp", details: message }, fbtrace_id: randomBytes(8).toString("base64url") } });
}

export async function startCloudSim(options: CloudSimOptions): Promise<CloudSim> {
  const accounts = new Map(options.accounts.map((a) => [a.phoneNumberId, { ...a }]));
  const messages: CloudSimMessage[] = [];
  const script = new Script();
  const inFlight = new InFlight();
  const log = options.log ?? (() => {});
  let badSignature = options.badSignature ?? false;


  function notify(account: CloudAccount, value: Record<string, unknown>): Promise<Posted | null> {
    if (!account.webhookUrl) return Promise.resolve(null);
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "WABA-SIM", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: account.displayPhoneNumber ?? "6280000000000", phone_number_id: account.phoneNumberId }, ...value } }] }],
    });
    const key = badSignature ? `${account.appSecret}-wrong` : account.appSecret;
    const signature = `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
    return inFlight.track(postJson(account.webhookUrl, body, { "x-hub-signature-256": signature }));
  }

  function statusHook(message: CloudSimMessage, status: string): Promise<Posted | null> {
    const account = accounts.get(message.phoneNumberId);
    if (!account) return Promise.resolve(null);
    const entry: Record<string, unknown> = { id: message.id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: message.to };
    if (message.opaque) entry.biz_opaque_callback_data = message.opaque;
    if (status === "failed") entry.errors = [{ code: 131026, title: "Message undeliverable", message: "Message undeliverable" }];
    return notify(account, { statuses: [entry] });
  }

  async function handleSend(phoneNumberId: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const raw = await readBody(req);
    const account = accounts.get(phoneNumberId);
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
    if (!account || token !== account.accessToken) return graphError(res, 401, 190, "Error validating access token: The access token could not be decrypted");
    const outcome = script.next(phoneNumberId);
    if (outcome === "hang") return; // never answered: the client's timeout fires (close() drops it)
    if (outcome === "rate_limited") return graphError(res, 429, 130429, "Rate limit hit", "OAuthException");
    if (outcome === "temporary") return graphError(res, 503, 131000, "Something went wrong");
    if (outcome === "disconnected") return graphError(res, 400, 133010, "Phone number not registered");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    } catch {
      return graphError(res, 400, 100, "Invalid parameter");
    }
    const to = String(body.to ?? "");
    const template = body.template as { name?: string; language?: { code?: string }; components?: Array<{ type: string; sub_type?: string; parameters?: Array<{ type: string; text?: string }> }> } | undefined;
    if (body.messaging_product !== "whatsapp" || body.type !== "template" || !template?.name || !template.language?.code) return graphError(res, 400, 100, "Invalid parameter");
    if (outcome === "permanent" || !/^\d{8,15}$/.test(to)) return graphError(res, 400, 131009, "Parameter value is not valid");
    if (account.approvedTemplates && !account.approvedTemplates.includes(template.name)) return graphError(res, 404, 132001, `Template name does not exist in the translation (${template.name})`);
    const parameters = (template.components ?? []).filter((c) => c.type === "body").flatMap((c) => (c.parameters ?? []).map((p) => p.text ?? ""));
    // An authentication template's copy-code button: a url button whose parameter is the code.
    const copyCode = (template.components ?? []).find((c) => c.type === "button" && c.sub_type === "url")?.parameters?.[0]?.text;
    const message: CloudSimMessage = {
      id: `wamid.${randomBytes(18).toString("base64url")}`,
      phoneNumberId,
      to,
      template: { name: template.name, language: template.language.code, parameters, ...(copyCode !== undefined ? { copyCode } : {}) },
      opaque: typeof body.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : null,
      at: Date.now(),
    };
    messages.push(message);
    log("cloud message taken", { id: message.id, to });
    sendJson(res, 200, { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id: message.id, message_status: "accepted" }] });
    if (options.autoDeliver ?? true) void inFlight.track(delay(options.deliverDelayMs ?? 100).then(() => statusHook(message, "sent")).then(() => statusHook(message, "delivered")));
  }

  async function handleAdmin(path: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method === "GET" && path === "/__sim/messages") return sendJson(res, 200, messages);
    const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, unknown>;
    if (path === "/__sim/script") {
      api.script(String(body.phoneNumberId), (body.outcomes as SimOutcome[]) ?? []);
      return sendJson(res, 200, { ok: true });
    }
    if (path === "/__sim/inbound") return sendJson(res, 200, await api.inbound(String(body.phoneNumberId), String(body.from), String(body.text)));
    if (path === "/__sim/status") return sendJson(res, 200, await api.status(String(body.id), body.status as "delivered"));
    return sendJson(res, 404, { error: { message: "not found", code: 100 } });
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://sim").pathname;
    const send = path.match(/^\/v\d+\.\d+\/([^/]+)\/messages$/);
    const work =
      req.method === "POST" && send ? handleSend(decodeURIComponent(send[1]!), req, res) : path.startsWith("/__sim/") ? handleAdmin(path, req, res) : Promise.resolve(graphError(res, 404, 100, "Unknown path"));
    work.catch((error: unknown) => {
      log("cloud simulator error", { error: (error as Error).message });
      if (!res.headersSent) graphError(res, 500, 1, "simulator error");
    });
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);

  const api: CloudSim = {
    origin: `http://${host}:${port}`,
    baseUrl: `http://${host}:${port}/${VERSION}`,
    port,
    messages: () => [...messages],
    addAccount: (account) => void accounts.set(account.phoneNumberId, { ...account }),
    script: (id, outcomes) => script.push(id, outcomes),
    setWebhook(id, url) {
      const account = accounts.get(id);
      if (account) account.webhookUrl = url;
    },
    inbound(id, from, text) {
      const account = accounts.get(id);
      if (!account) return Promise.resolve(null);
      return notify(account, { contacts: [{ profile: { name: "" }, wa_id: from }], messages: [{ from, id: `wamid.${randomBytes(12).toString("base64url")}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }] });
    },
    status(id, status) {
      const message = messages.find((m) => m.id === id);
      return message ? statusHook(message, status) : Promise.resolve(null);
    },
    signBadly(bad) {
      badSignature = bad;
    },
    settle: () => inFlight.settle(),
    close: () => closeServer(server),
  };
  return api;
}
