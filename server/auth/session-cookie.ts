// The session cookie next-auth sets (a JWE signed with AUTH_SECRET) and how we read it. The JWT
// carries only { sid, kind, tid }: the session row in the database is the authority.
import "server-only";
import { decode } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/server/config/env";

export const ZSessionClaims = z.object({
  sid: z.uuid(),
  kind: z.enum(["tenant", "platform"]),
  tid: z.uuid().nullable(),
});
export type TSessionClaims = z.infer<typeof ZSessionClaims>;

/**
 * Secure cookies (and the __Secure- prefix) everywhere but development. Browsers treat
 * http://localhost and http://*.localhost as secure origins, so tests on loopback work too.
 */
export function secureCookies(): boolean {
  return env().APP_ENV !== "development";
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  // next-auth splits large tokens into name.0, name.1...; ours are small, but accept both.
  const jar = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    try {
      jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      // Someone else's malformed cookie (e.g. set on a parent domain): not ours, skip it.
    }
  }
  if (jar.has(name)) return jar.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

// Decrypting the JWE costs a key derivation per call: remember recent tokens (bounded). This is
// only the claims; the session row is still checked on every request.
const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, { claims: TSessionClaims; exp: number }>();

export async function readSessionClaims(cookieHeader: string | null): Promise<TSessionClaims | null> {
  const token = readCookie(cookieHeader, sessionCookieName());
  if (!token) return null;
  const known = remembered.get(token);
  if (known && known.exp * 1000 > Date.now()) return known.claims;
  try {
    const payload = await decode({ token, secret: env().AUTH_SECRET });
    const parsed = ZSessionClaims.safeParse(payload);
    if (!parsed.success) return null;
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, { claims: parsed.data, exp: Number(payload?.exp ?? 0) });
    return parsed.data;
  } catch {
    return null; // tampered, expired or signed with another secret
  }
}
