// Device cookies: proof that this browser has signed in as this account before, so that the
// sign-in throttle can tell the account's owner from strangers guessing at it (see
// login-throttle.service.ts). One cookie per account and browser, named after a hash of the
// account, holding a random device id and an HMAC of (account, id) under a key derived from
// AUTH_SECRET. Host-only, HTTP-only; renewed at each successful sign-in.
import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/server/config/env";

export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const PREFIX = "rrnet_device_";

let cachedKey: { secret: string; key: Buffer } | null = null;
function signingKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "rrnet", "device cookie v1", 32)) };
  return cachedKey.key;
}

export function deviceCookieName(accountKey: string): string {
  return PREFIX + createHash("sha256").update(accountKey).digest("base64url").slice(0, 16);
}

function signature(accountKey: string, deviceId: string): Buffer {
  return createHmac("sha256", signingKey()).update(`${accountKey}\n${deviceId}`).digest();
}

/** The device id in the request's cookie for this account, when its signature holds; else null. */
export function trustedDevice(cookieHeader: string | null | undefined, accountKey: string): string | null {
  if (!cookieHeader) return null;
  const name = deviceCookieName(accountKey);
  for (const part of cookieHeader.split(";")) {
    const [rawName, ...rest] = part.trim().split("=");
    if (rawName !== name) continue;
    const [deviceId, mac] = rest.join("=").split(".");
    if (!deviceId || !mac || !/^[A-Za-z0-9_-]{16,64}$/.test(deviceId)) return null;
    const expected = signature(accountKey, deviceId);
    const given = Buffer.from(mac, "base64url");
    return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
  }
  return null;
}

/** The cookie to set after a successful sign-in: the same device id when there was one. */
export function deviceCookie(accountKey: string, deviceId: string | null): { name: string; value: string; maxAgeSeconds: number } {
  const id = deviceId ?? randomBytes(18).toString("base64url");
  return { name: deviceCookieName(accountKey), value: `${id}.${signature(accountKey, id).toString("base64url")}`, maxAgeSeconds: DEVICE_COOKIE_MAX_AGE_S };
}
