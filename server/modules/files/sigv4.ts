// AWS Signature Version 4 for S3-compatible object stores (AWS S3, MinIO, Cloudflare R2,
// Wasabi, IDCloudHost…): canonical request -> string to sign -> HMAC chain. Pure; checked
// against AWS's published examples in __tests__/sigv4.test.ts.
import "server-only";
import { createHash, createHmac } from "node:crypto";

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service: string };
export type SigV4Request = { method: string; url: URL; headers: Record<string, string>; payloadHash: string };

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept; `/` kept in paths). */
export function uriEncode(value: string, keepSlash: boolean): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === "/")) return c;
    return `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** `20150830T123600Z` from a date. */
export const amzDate = (at: Date) => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** The Authorization header value for `request` signed at `amzDateTime` (headers must include host and x-amz-date). */
export function signV4(request: SigV4Request, creds: SigV4Credentials, amzDateTime: string): string {
  const headers = Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")] as const);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(";");
  const query = [...request.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const path = uriEncode(decodeURIComponent(request.url.pathname || "/"), true);
  const canonical = [request.method, path, query, headers.map(([k, v]) => `${k}:${v}\n`).join(""), signedHeaders, request.payloadHash].join("\n");
  const day = amzDateTime.slice(0, 8);
  const scope = `${day}/${creds.region}/${creds.service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDateTime, scope, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), creds.region), creds.service), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
