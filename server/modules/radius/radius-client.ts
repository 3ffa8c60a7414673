// A RADIUS client over UDP (RFC 2865/2866/5176) on the `radius` codec: sends one request from
// a chosen local address (a NAS is known to FreeRADIUS by its source address), retries on
// timeout, and accepts only an answer whose authenticator proves the shared secret.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import dgram from "node:dgram";
import path from "node:path";
import radius from "radius";

let dictionaryLoaded = false;
function codec(): typeof radius {
  if (!dictionaryLoaded) {
    radius.add_dictionary(path.join(import.meta.dirname, "dictionary.mikrotik"));
    dictionaryLoaded = true;
  }
  return radius;
}

export type RadiusCode = "Access-Request" | "Accounting-Request" | "CoA-Request" | "Disconnect-Request";
/** Attribute name -> value; a list value sends the attribute once per item. */
export type RadiusAttributes = Record<string, string | number | (string | number)[]>;

export type RadiusAnswer = {
  code: string;
  attributes: Record<string, unknown>;
  /** RFC 5176 Error-Cause of a CoA-NAK / Disconnect-NAK, as its number (the codec gives a name). */
  errorCause: number | null;
};

export type RadiusRequest = {
  host: string;
  port: number;
  secret: string;
  code: RadiusCode;
  attributes: RadiusAttributes;
  /** MikroTik's vendor attributes (vendor 14988: Mikrotik-Rate-Limit, Mikrotik-Address-List …). */
  mikrotik?: RadiusAttributes;
  /** The local address to send from (default: the system's choice). */
  localAddress?: string;
  timeoutMs?: number;
  retries?: number;
};

export class RadiusTimeoutError extends Error {
  constructor(readonly host: string, readonly port: number) {
    super(`no RADIUS answer from ${host}:${port}`);
  }
}

function attributeList(attributes: RadiusAttributes): [string, string | number][] {
  return Object.entries(attributes).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v] as [string, string | number]) : [[name, value] as [string, string | number]]));
}

const MESSAGE_AUTHENTICATOR = 80;
const ERROR_CAUSE = 101;
const MIKROTIK_VENDOR = 14988;

function errorCauseOf(packet: Buffer): number | null {
  for (let at = 20; at + 2 <= packet.length; ) {
    const type = packet[at]!, length = packet[at + 1]!;
    if (length < 2) return null;
    if (type === ERROR_CAUSE && length === 6) return packet.readUInt32BE(at + 2);
    at += length;
  }
  return null;
}

/**
 * The answer's Response Authenticator (RFC 2865 §3) and, when it carries one, its
 * Message-Authenticator (RFC 3579 §3.2), both against the request's authenticator. (The
 * codec's own check insists on a Message-Authenticator that FreeRADIUS leaves out of rejects.)
 */
export function answerIsAuthentic(answer: Buffer, request: Buffer, secret: string): boolean {
  if (answer.length < 20 || answer.readUInt16BE(2) !== answer.length) return false;
  const withRequestAuth = Buffer.from(answer);
  request.copy(withRequestAuth, 4, 4, 20);
  const expected = createHash("md5").update(withRequestAuth).update(secret).digest();
  if (!timingSafeEqual(expected, answer.subarray(4, 20))) return false;
  for (let at = 20; at + 2 <= answer.length; ) {
    const type = answer[at]!, length = answer[at + 1]!;
    if (length < 2) return false;
    if (type === MESSAGE_AUTHENTICATOR && length === 18) {
      const zeroed = Buffer.from(withRequestAuth);
      zeroed.fill(0, at + 2, at + 18);
      const mac = createHmac("md5", secret).update(zeroed).digest();
      return timingSafeEqual(mac, answer.subarray(at + 2, at + 18));
    }
    at += length;
  }
  return true;
}

export async function sendRadius(request: RadiusRequest): Promise<RadiusAnswer> {
  const rad = codec();
  const identifier = Math.floor(Math.random() * 256);
  const packet = rad.encode({
    code: request.code,
    secret: request.secret,
    identifier,
    attributes: [...attributeList(request.attributes), ...(request.mikrotik ? [["Vendor-Specific", MIKROTIK_VENDOR, attributeList(request.mikrotik)]] : [])],
    add_message_authenticator: request.code === "Access-Request",
  });
  const socket = dgram.createSocket(request.host.includes(":") ? "udp6" : "udp4");
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind({ address: request.localAddress, port: 0 }, () => resolve());
    });
    const attempts = (request.retries ?? 2) + 1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const answer = await new Promise<Buffer | null>((resolve) => {
        const timer = setTimeout(() => { socket.off("message", onMessage); resolve(null); }, request.timeoutMs ?? 2000);
        function onMessage(message: Buffer) {
          if (message.length < 20 || message[1] !== identifier) return;
          if (!answerIsAuthentic(message, packet, request.secret)) return; // forged, or another secret
          clearTimeout(timer);
          socket.off("message", onMessage);
          resolve(message);
        }
        socket.on("message", onMessage);
        socket.send(packet, request.port, request.host);
      });
      if (answer) {
        const decoded = rad.decode({ packet: answer, secret: request.secret });
        return { code: decoded.code, attributes: decoded.attributes as Record<string, unknown>, errorCause: errorCauseOf(answer) };
      }
    }
    throw new RadiusTimeoutError(request.host, request.port);
  } finally {
    socket.close();
  }
}
