// The simulated router's RADIUS side, as RouterOS does it: a PPPoE client with no local secret
// is authenticated by the RADIUS server (Access-Request from the router's address), its session
// is opened with the reply's Mikrotik-Rate-Limit / Mikrotik-Address-List / Framed-IP-Address and
// reported in accounting (Start, Interim-Update, Stop); `/radius incoming` listens for CoA and
// Disconnect requests (RFC 5176) from the RADIUS server's address, checks their authenticator
// with the shared secret, applies them to the session and answers ACK or NAK with Error-Cause.
import { createHash } from "node:crypto";
import dgram from "node:dgram";
import path from "node:path";
import radius from "radius";
import type { Row, RouterModel, SimClient } from "./model";

let dictionaryLoaded = false;
function codec(): typeof radius {
  if (!dictionaryLoaded) {
    radius.add_dictionary(path.join(import.meta.dirname, "../../server/modules/radius/dictionary.mikrotik"));
    dictionaryLoaded = true;
  }
  return radius;
}

/** RFC 5176 Error-Cause values the router answers with. */
export const ERROR_CAUSE = { unsupportedAttribute: 401, missingAttribute: 402, invalidRequest: 404, sessionNotFound: 503 } as const;

/** Attributes that only say which session a request is for. */
const IDENTIFYING = new Set(["User-Name", "Acct-Session-Id", "Framed-IP-Address", "NAS-IP-Address", "NAS-Identifier", "Calling-Station-Id", "Event-Timestamp", "Message-Authenticator"]);
/** What RouterOS lets a CoA change on a PPP session (its manual: not the address, pool or routes, nor the address list). */
const COA_CHANGEABLE = new Set(["Mikrotik-Rate-Limit", "Session-Timeout", "Idle-Timeout"]);

export type IncomingRequest = { code: "CoA-Request" | "Disconnect-Request"; attributes: Record<string, unknown>; answer: string; errorCause: number | null };

export type SimRadiusNasOptions = {
  model: RouterModel;
  /** The router's address: its RADIUS packets come from it, `/radius incoming` listens on it. */
  host: string;
  secret: string;
  server: { host: string; authPort: number; acctPort: number };
  /** `/radius incoming port` (RouterOS: 3799). */
  incomingPort?: number;
  timeoutMs?: number;
};

type Traffic = { in: number; out: number; startedAt: number };

export class SimRadiusNas {
  /** Every CoA / Disconnect request received and what it was answered. */
  readonly incoming: IncomingRequest[] = [];
  /** The last Access-Reject per user (its Reply-Message, if any). */
  readonly rejects = new Map<string, string>();
  /** What went wrong in a packet exchange (a sim bug or a malformed answer), for tests to look at. */
  readonly errors: unknown[] = [];
  /** Fault: the next N incoming requests are dropped unanswered (a lost packet, a busy router). */
  dropIncoming = 0;
  private readonly traffic = new Map<string, Traffic>();
  private readonly dialing = new Set<string>();
  private readonly pending = new Set<Promise<unknown>>();
  private socket: dgram.Socket | null = null;

  constructor(private readonly options: SimRadiusNasOptions) {}

  get model(): RouterModel {
    return this.options.model;
  }

  /** Hooks into the model and opens `/radius incoming`; resolves when it listens. */
  async start(): Promise<this> {
    this.model.radius = { login: (client) => this.track(this.login(client)), closed: (session) => this.track(this.closed(session)) };
    const socket = dgram.createSocket("udp4");
    socket.on("message", (message, from) => this.track(this.onIncoming(message, from)));
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(this.options.incomingPort ?? 3799, this.options.host, () => resolve());
    });
    this.socket = socket;
    return this;
  }

  async close(): Promise<void> {
    if (this.model.radius) this.model.radius = null;
    this.socket?.close();
    this.socket = null;
    await this.settled();
  }

  /** Waits for every packet exchange in flight (logins, accounting, answers). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** Traffic through a session since it came up (reported in the next interim or stop). */
  addTraffic(name: string, bytesIn: number, bytesOut: number): void {
    const session = this.model.pppSession(name);
    const traffic = session && this.traffic.get(session["session-id"]!);
    if (!traffic) return;
    traffic.in += bytesIn;
    traffic.out += bytesOut;
  }

  /** An Interim-Update for every open RADIUS session (RouterOS sends one each interim-update interval). */
  async interimAll(): Promise<void> {
    const sessions = this.model.list("/ppp/active").filter((row) => row.radius === "true");
    await Promise.all(sessions.map((row) => this.account("Interim-Update", this.model.pppSession(row.name!)!)));
  }

  // ---- authentication and accounting ---------------------------------------------------------

  private track<T>(work: Promise<T>): void {
    this.pending.add(work);
    void work.catch((error: unknown) => void this.errors.push(error)).finally(() => this.pending.delete(work));
  }

  private async login(client: SimClient): Promise<void> {
    if (this.dialing.has(client.name)) return;
    this.dialing.add(client.name);
    try {
      const answer = await this.send(this.options.server.authPort, "Access-Request", [
        ["User-Name", client.name],
        ["User-Password", client.password],
        ["Service-Type", "Framed-User"],
        ["Framed-Protocol", "PPP"],
        ["NAS-Port-Type", "Ethernet"],
        ["NAS-Port-Id", "pppoe-in1"],
        ["Calling-Station-Id", client.callerId],
        ["NAS-Identifier", this.model.list("/system/identity")[0]?.name ?? "MikroTik"],
        ["NAS-IP-Address", this.options.host],
      ]);
      if (!answer || client.connected) return;
      if (answer.code !== "Access-Accept") {
        this.rejects.set(client.name, String(answer.attributes["Reply-Message"] ?? ""));
        return;
      }
      const vendor = (answer.attributes["Vendor-Specific"] ?? {}) as Record<string, unknown>;
      const session = this.model.openPppSession(client, {
        address: typeof answer.attributes["Framed-IP-Address"] === "string" ? answer.attributes["Framed-IP-Address"] : undefined,
        profile: "default",
        rateLimit: typeof vendor["Mikrotik-Rate-Limit"] === "string" ? vendor["Mikrotik-Rate-Limit"] : undefined,
        addressList: typeof vendor["Mikrotik-Address-List"] === "string" ? vendor["Mikrotik-Address-List"] : undefined,
        radius: true,
      });
      this.rejects.delete(client.name);
      this.traffic.set(session["session-id"]!, { in: 0, out: 0, startedAt: Date.now() });
      await this.account("Start", session);
    } finally {
      this.dialing.delete(client.name);
    }
  }

  private async closed(session: Row): Promise<void> {
    if (session.radius !== "true") return;
    await this.account("Stop", session, "Admin-Reset");
    this.traffic.delete(session["session-id"]!);
  }

  private async account(status: "Start" | "Interim-Update" | "Stop", session: Row, cause?: string): Promise<void> {
    const traffic = this.traffic.get(session["session-id"]!) ?? { in: 0, out: 0, startedAt: Date.now() };
    const attributes: Array<[string, string | number | Date]> = [
      ["Acct-Status-Type", status],
      ["Acct-Session-Id", session["session-id"]!],
      ["User-Name", session.name!],
      ["NAS-IP-Address", this.options.host],
      ["NAS-Port-Id", "pppoe-in1"],
      ["NAS-Port-Type", "Ethernet"],
      ["Framed-IP-Address", session.address!],
      ["Calling-Station-Id", session["caller-id"] ?? ""],
      ["Acct-Authentic", "RADIUS"],
      ["Event-Timestamp", new Date()],
    ];
    if (status !== "Start") {
      // Octets in the router's direction: Acct-Input is what the subscriber sent (upload).
      attributes.push(["Acct-Session-Time", Math.floor((Date.now() - traffic.startedAt) / 1000)]);
      attributes.push(["Acct-Input-Octets", traffic.out % 2 ** 32], ["Acct-Input-Gigawords", Math.floor(traffic.out / 2 ** 32)]);
      attributes.push(["Acct-Output-Octets", traffic.in % 2 ** 32], ["Acct-Output-Gigawords", Math.floor(traffic.in / 2 ** 32)]);
    }
    if (cause) attributes.push(["Acct-Terminate-Cause", cause]);
    await this.send(this.options.server.acctPort, "Accounting-Request", attributes);
  }

  /** One request to the RADIUS server from the router's address, retried; null when none answered. */
  private async send(port: number, code: string, attributes: Array<[string, string | number | Date]>): Promise<{ code: string; attributes: Record<string, unknown> } | null> {
    const rad = codec();
    const identifier = Math.floor(Math.random() * 256);
    const packet = rad.encode({ code, secret: this.options.secret, identifier, attributes, add_message_authenticator: code === "Access-Request" });
    const socket = dgram.createSocket("udp4");
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("error", reject);
        socket.bind(0, this.options.host, () => resolve());
      });
      for (let attempt = 0; attempt < 3; attempt++) {
        const answer = await new Promise<Buffer | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), this.options.timeoutMs ?? 1000);
          socket.on("message", (message) => {
            if (message[1] !== identifier) return;
            if (!responseAuthenticatorValid(message, packet, this.options.secret)) return;
            clearTimeout(timer);
            resolve(message);
          });
          socket.send(packet, port, this.options.server.host);
        });
        socket.removeAllListeners("message");
        if (answer) {
          const decoded = rad.decode({ packet: answer, secret: this.options.secret });
          return { code: decoded.code, attributes: decoded.attributes as Record<string, unknown> };
        }
      }
      return null;
    } finally {
      socket.close();
    }
  }

  // ---- /radius incoming ----------------------------------------------------------------------

  private async onIncoming(message: Buffer, from: dgram.RemoteInfo): Promise<void> {
    // RouterOS takes requests only from its RADIUS servers, and silently drops a bad authenticator.
    if (from.address !== this.options.server.host || message.length < 20) return;
    if (message[0] !== 40 && message[0] !== 43) return;
    if (!requestAuthenticatorValid(message, this.options.secret)) return;
    if (this.dropIncoming > 0) {
      this.dropIncoming--;
      return;
    }
    const rad = codec();
    const request = rad.decode({ packet: message, secret: this.options.secret });
    const code = request.code as IncomingRequest["code"];
    const attributes = request.attributes as Record<string, unknown>;
    const { answer, errorCause } = this.apply(code, attributes);
    this.incoming.push({ code, attributes, answer, errorCause });
    const response = rad.encode_response({ packet: request, code: answer, secret: this.options.secret, attributes: errorCause ? [["Error-Cause", errorCause]] : [] });
    await new Promise<void>((resolve) => this.socket?.send(response, from.port, from.address, () => resolve()) ?? resolve());
  }

  private apply(code: IncomingRequest["code"], attributes: Record<string, unknown>): { answer: string; errorCause: number | null } {
    const nak = (errorCause: number) => ({ answer: code === "CoA-Request" ? "CoA-NAK" : "Disconnect-NAK", errorCause });
    const user = attributes["User-Name"], sessionId = attributes["Acct-Session-Id"], address = attributes["Framed-IP-Address"];
    if (user === undefined && sessionId === undefined && address === undefined) return nak(ERROR_CAUSE.missingAttribute);
    const session = [...this.model.list("/ppp/active")].find(
      (row) => row.radius === "true" && (user === undefined || row.name === user) && (sessionId === undefined || row["session-id"] === sessionId) && (address === undefined || row.address === address),
    );
    if (!session) return nak(ERROR_CAUSE.sessionNotFound);
    if (code === "Disconnect-Request") {
      this.model.remove("/ppp/active", [session[".id"]!]);
      return { answer: "Disconnect-ACK", errorCause: null };
    }
    const vendor = (attributes["Vendor-Specific"] ?? {}) as Record<string, unknown>;
    const changes = [...Object.keys(attributes).filter((name) => name !== "Vendor-Specific" && !IDENTIFYING.has(name)), ...Object.keys(vendor)];
    if (changes.length === 0) return nak(ERROR_CAUSE.missingAttribute);
    if (changes.some((name) => !COA_CHANGEABLE.has(name))) return nak(ERROR_CAUSE.unsupportedAttribute);
    const row = this.model.pppSession(session.name!)!;
    if (typeof vendor["Mikrotik-Rate-Limit"] === "string") row["rate-limit"] = vendor["Mikrotik-Rate-Limit"];
    if (attributes["Session-Timeout"] !== undefined) row["session-timeout"] = String(attributes["Session-Timeout"]);
    return { answer: "CoA-ACK", errorCause: null };
  }
}

/** RFC 2865 §3: the Response Authenticator is MD5(Code+Identifier+Length+Request Authenticator+Attributes+Secret). */
function responseAuthenticatorValid(answer: Buffer, request: Buffer, secret: string): boolean {
  if (answer.length < 20 || answer.readUInt16BE(2) !== answer.length) return false;
  const withRequestAuth = Buffer.from(answer);
  request.copy(withRequestAuth, 4, 4, 20);
  return createHash("md5").update(withRequestAuth).update(secret).digest().equals(answer.subarray(4, 20));
}

/** RFC 5176 §3: the Request Authenticator is MD5(Code+Identifier+Length+16 zero octets+Attributes+Secret). */
function requestAuthenticatorValid(packet: Buffer, secret: string): boolean {
  if (packet.readUInt16BE(2) !== packet.length) return false;
  const zeroed = Buffer.from(packet);
  zeroed.fill(0, 4, 20);
  const expected = createHash("md5").update(zeroed).update(secret).digest();
  return expected.equals(packet.subarray(4, 20));
}

export async function startSimRadiusNas(options: SimRadiusNasOptions): Promise<SimRadiusNas> {
  return new SimRadiusNas(options).start();
}
