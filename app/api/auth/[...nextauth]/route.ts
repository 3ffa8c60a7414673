import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth";
import { refuseMalformedAuthRequest } from "@/server/auth/auth-request";
import { withAuthResponseCookies } from "@/server/auth/auth-response-cookies";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext) {
  // next-auth v4 reads params synchronously; Next 16 gives them as a promise.
  const refused = await refuseMalformedAuthRequest(req);
  if (refused) return refused;
  const params = await context.params;
  return withAuthResponseCookies(() => NextAuth(req as never, { params } as never, authOptions()));
}

export { handler as GET, handler as POST };
