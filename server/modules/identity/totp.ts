// Two-factor sign-in: TOTP (RFC 6238: SHA-1, 6 digits, 30 s) via otpauth, with replay
// protection (a time step is accepted once), and one-time recovery codes stored as HMACs.
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { env } from "@/server/config/env";

const PERIOD = 30;

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: "RRNET", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/**
 * The time step of a valid code (±1 step of clock drift), or null. A step at or before
 * `lastStep` is refused: the same code cannot be used twice.
 */
export function verifyTotp(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, "x").validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** For tests and enrollment screens: the code of the current step. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32, "x").generate({ timestamp: now });
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  const normalised = code.trim().toLowerCase().replace(/[^a-z0-9]/g, "");
  return createHmac("sha256", env().AUTH_SECRET).update(`recovery:${normalised}`).digest("base64url");
}
