// next-auth configuration. Credentials sign-in is per host: on a tenant's host it signs in that
// tenant's users, on admin.<ROOT_DOMAIN> RRNET operators, nowhere else. authorize() creates a
// session row and the JWT carries its id; signing out revokes the row.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors/app-error";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { logger } from "@/server/log/logger";
import { signInTenantUser, signOutTenantUser } from "@/server/modules/identity/sign-in.service";
import { revokePlatformSession, signInPlatformAdmin } from "@/server/modules/platform/platform-session.service";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { safeRedirect } from "./auth-request";
import { setAuthResponseCookie } from "./auth-response-cookies";
import { secureCookies, ZSessionClaims, type TSessionClaims } from "./session-cookie";
import { SESSION_MAX_MS } from "@/server/modules/identity/session.service";
import { ZSignInCredentials as ZCredentials } from "@/server/modules/identity/identity.schema";
import { signInWithCode, signInWithPassword } from "@/server/modules/portal/portal-sign-in.service";
import { ZPortalSignInCredentials } from "@/server/modules/portal/portal.schema";


type HeaderBag = Record<string, string | string[] | undefined>;
const header = (headers: HeaderBag | undefined, name: string) => {
  const v = headers?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

/** Error messages next-auth hands back to the sign-in form: a code, plus seconds for AUTH_LOCKED. */
function signInError(error: unknown): Error {
  if (error instanceof AppError) {
    const retry = error.details?.retryAfterSeconds;
    return new Error(retry ? `${error.code}:${retry}` : error.code);
  }
  logger().error({ error }, "sign-in failed unexpectedly");
  return new Error("INTERNAL");
}

function requestMeta(headers: HeaderBag | undefined) {
  return {
    ip: header(headers, CLIENT_IP_HEADER) ?? "unknown",
    userAgent: header(headers, "user-agent"),
    requestId: ensureRequestId(header(headers, REQUEST_ID_HEADER)),
    cookies: header(headers, "cookie"),
  };
}

export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(raw, req) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) throw new Error("VALIDATION_FAILED");
          const headers = req.headers as HeaderBag | undefined;
          const meta = requestMeta(headers);
          try {
            const host = await resolveRequestHost(header(headers, "host"));
            if (host.kind === "tenant" && host.tenant.status === "active") {
              const { sessionId, device } = await signInTenantUser(forTenant(host.tenant.id), parsed.data, meta);
              setAuthResponseCookie(device);
              return { id: sessionId, claims: { sid: sessionId, kind: "tenant", tid: host.tenant.id } satisfies TSessionClaims };
            }
            if (host.kind === "admin") {
              const { sessionId, device } = await signInPlatformAdmin(unsafeSystemDb(), parsed.data, meta);
              setAuthResponseCookie(device);
              return { id: sessionId, claims: { sid: sessionId, kind: "platform", tid: null } satisfies TSessionClaims };
            }
            throw new AppError("AUTH_INVALID");
          } catch (error) {
            throw signInError(error);
          }
        },
      }),
      // Subscribers on their ISP's host (client portal): a WhatsApp code, or number + password.
      CredentialsProvider({
        id: "portal",
        name: "Client portal",
        credentials: { challengeId: { type: "text" }, code: { type: "text" }, login: { type: "text" }, password: { type: "password" } },
        async authorize(raw, req) {
          const fields = Object.fromEntries(Object.entries(raw ?? {}).filter(([, value]) => value !== "" && value !== undefined));
          const parsed = ZPortalSignInCredentials.safeParse(fields);
          if (!parsed.success) throw new Error("VALIDATION_FAILED");
          const headers = req.headers as HeaderBag | undefined;
          try {
            const host = await resolveRequestHost(header(headers, "host"));
            if (host.kind !== "tenant" || host.tenant.status !== "active") throw new AppError("AUTH_INVALID");
            const db = forTenant(host.tenant.id);
            const input = parsed.data;
            const { sessionId, device } = "challengeId" in input ? await signInWithCode(db, input, requestMeta(headers)) : await signInWithPassword(db, input, requestMeta(headers));
            setAuthResponseCookie(device);
            return { id: sessionId, claims: { sid: sessionId, kind: "tenant", tid: host.tenant.id } satisfies TSessionClaims };
          } catch (error) {
            throw signInError(error);
          }
        },
      }),
    ],
    callbacks: {
      async redirect(target) {
        return safeRedirect(target);
      },
      // The token holds only the session claims; nothing else from the user leaks into it.
      async jwt({ token, user }) {
        if (user) return { ...(user as unknown as { claims: TSessionClaims }).claims };
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: undefined, kind: token.kind, expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const parsed = ZSessionClaims.safeParse(token);
        if (!parsed.success) return;
        const claims = parsed.data;
        if (claims.kind === "platform") return revokePlatformSession(unsafeSystemDb(), claims.sid);
        await signOutTenantUser(forTenant(claims.tid!), { sessionId: claims.sid });
      },
    },
  };
}

