// One HTTP exchange with a WhatsApp provider, classified for exactly-once sending: a request
// that certainly never left (connection refused, DNS) may be retried; one that may have reached
// the provider (timeout, connection lost mid-exchange) is "ambiguous" and must not be.
import "server-only";
import { readCapped } from "@/server/http/read-capped";

const MAX_REPLY_BYTES = 256 * 1024;
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export type ProviderReply = { ok: true; status: number; json: unknown; retryAfter: string | null } | { ok: false; notSent: boolean; reason: string };

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } })?.cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

export async function exchange(url: string, init: { method: "POST"; headers: Record<string, string>; body: BodyInit }, timeoutMs: number): Promise<ProviderReply> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  } catch (error) {
    const code = errorCode(error);
    if (code && NEVER_SENT.has(code)) return { ok: false, notSent: true, reason: `network: ${code}` };
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return { ok: false, notSent: false, reason: timedOut ? `timeout after ${timeoutMs} ms` : `network: ${code ?? (error as Error).message}` };
  }
  let text: string;
  try {
    text = (await readCapped(response.body, MAX_REPLY_BYTES, () => new Error("reply too large"))).toString("utf8");
  } catch (error) {
    return { ok: false, notSent: false, reason: `reply lost: ${(error as Error).message}` };
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { ok: true, status: response.status, json, retryAfter: response.headers.get("retry-after") };
}

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
