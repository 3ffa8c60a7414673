// The session cookie next-auth sets (a JWE signed with AUTH_SECRET) and how we read it. The JWT
// carries only { sid, kind, tid }: the session row in the database is the authority.
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
export function useSecureCookies(): boolean {
  return env().APP_ENV !== "development";
}

export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  // next-auth splits large tokens into name.0, name.1...; ours are small, but accept both.
  const jar = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  if (jar.has(name)) return jar.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export async function readSessionClaims(cookieHeader: string | null): Promise<TSessionClaims | null> {
  const token = readCookie(cookieHeader, sessionCookieName());
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env().AUTH_SECRET });
    const parsed = ZSessionClaims.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // tampered, expired or signed with another secret
  }
}
