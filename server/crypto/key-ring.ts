// Secrets RRNET must give back in the clear later (router passwords, RADIUS secrets), sealed at
// rest with AES-256-GCM under keys from ROUTER_SECRET_KEYS (`<id>:<32 bytes base64>`, comma
// separated, the first one seals). A sealed value names its key id, so a new key can be put
// first and the old ones kept until every value is sealed again (rotation). Outside production,
// without the variable, one key (id `local`) is derived from AUTH_SECRET.
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
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) throw new Error("ROUTER_SECRET_KEYS: each entry is <id>:<32 bytes in base64>");
    return { id, key };
  });
}

function keys(): Key[] {
  if (ring) return ring;
  const config = env();
  ring = config.ROUTER_SECRET_KEYS
    ? parseKeyRing(config.ROUTER_SECRET_KEYS)
    : [{ id: "local", key: Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "rrnet", "router secrets v1", 32)) }];
  return ring;
}

export function sealSecret(plain: string): string {
  const { id, key } = keys()[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [id, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function openSecret(sealed: string): string {
  const [id, iv, body, tag] = sealed.split(".");
  const key = keys().find((k) => k.id === id);
  if (!key || !iv || body === undefined || !tag) throw new Error(`sealed secret under unknown key id ${id ?? "?"}`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(key.id));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The id of the key that seals now: values under another id are due for re-sealing. */
export function currentKeyId(): string {
  return keys()[0]!.id;
}

/** Tests: forget the parsed ring (after changing the environment). */
export function resetKeyRingForTests(): void {
  ring = undefined;
}
