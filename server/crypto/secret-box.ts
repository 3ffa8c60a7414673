// Secrets RRNET must read back later (TOTP seeds, KTP/NIK, gateway and WhatsApp keys, router
// passwords, RADIUS secrets), sealed at rest with AES-256-GCM so a database dump alone reveals
// nothing. A sealed value is `<key id>.<iv>.<body>.<tag>`: SECRET_KEYS (`<id>:<32 bytes base64>`,
// comma separated) lists the keys, the first one seals, and the others still open what they
// sealed, so a new key can be put first (rotation). Key `v1`, derived from AUTH_SECRET, always
// opens; it seals only when SECRET_KEYS is not set (outside production).
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/server/config/env";

type Key = { id: string; key: Buffer };

let ring: Key[] | undefined;

/** `id:base64,id:base64` → keys; throws on a malformed entry (env.ts checks the same at start-up). */
export function parseKeyRing(text: string): Key[] {
  return text.split(",").map((entry) => {
    const [id, material] = entry.trim().split(":");
    const key = Buffer.from(material ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) throw new Error("SECRET_KEYS: each entry is <id>:<32 bytes in base64>");
    return { id, key };
  });
}

function keys(): Key[] {
  if (ring) return ring;
  const config = env();
  const derived = { id: "v1", key: Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "rrnet", "secret-box v1", 32)) };
  ring = [...(config.SECRET_KEYS ? parseKeyRing(config.SECRET_KEYS) : []), derived];
  return ring;
}

export function seal(plain: string): string {
  const { id, key } = keys()[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [id, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function open(sealed: string): string {
  const [id, iv, body, tag] = sealed.split(".");
  const key = keys().find((k) => k.id === id);
  if (!key || !iv || body === undefined || !tag) throw new Error(`sealed value under an unknown key id or format (${id ?? "?"})`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
