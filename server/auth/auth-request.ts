// Checks on a request to next-auth's routes before next-auth sees it: a callbackUrl (query or
// form field) that is neither a path nor an absolute URL is the client's mistake, answered
// 400 VALIDATION_FAILED — next-auth would throw parsing it and answer 500.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";

/** A path on this host ("/customers") or an absolute URL; where it may lead is the redirect callback's call. */
export function isWellFormedCallbackUrl(value: string): boolean {
  return value.startsWith("/") || URL.canParse(value);
}

async function formField(req: Request, name: string): Promise<string | null> {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) return null;
  // A clone: next-auth reads the body itself afterwards.
  return new URLSearchParams(await req.clone().text()).get(name);
}

export async function refuseMalformedAuthRequest(req: Request): Promise<Response | null> {
  const candidates = [new URL(req.url).searchParams.get("callbackUrl"), await formField(req, "callbackUrl")];
  if (candidates.every((value) => value === null || value === "" || isWellFormedCallbackUrl(value))) return null;
  return jsonError(new AppError("VALIDATION_FAILED", { fields: { callbackUrl: ["validation.format"] } }), { "cache-control": "no-store" });
}

/**
 * next-auth's redirect callback, safe on anything a cookie or form carried: a path stays on
 * this host, an absolute URL only when it is this origin, everything else goes home.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return `${baseUrl}${url}`;
  try {
    return new URL(url).origin === baseUrl ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}
