// Cookies that authorize() wants on next-auth's response (the device cookie of a successful
// sign-in). next-auth v4 builds its own response, so the route handler collects them in an
// AsyncLocalStorage around the call and appends them afterwards.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { secureCookies } from "./session-cookie";

const pending = new AsyncLocalStorage<string[]>();

/** Adds a host-only, HTTP-only cookie to the response of the current next-auth request. */
export function setAuthResponseCookie(cookie: { name: string; value: string; maxAgeSeconds: number }): void {
  const attributes = [`${cookie.name}=${cookie.value}`, "Path=/", `Max-Age=${cookie.maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (secureCookies()) attributes.push("Secure");
  pending.getStore()?.push(attributes.join("; "));
}

/** Runs next-auth's handler and returns its response with the cookies authorize() asked for. */
export async function withAuthResponseCookies(handle: () => Promise<Response>): Promise<Response> {
  const cookies: string[] = [];
  const response = await pending.run(cookies, handle);
  if (cookies.length === 0) return response;
  // A copy: a response's headers may be immutable (redirects).
  const copy = new Response(response.body, response);
  for (const cookie of cookies) copy.headers.append("set-cookie", cookie);
  return copy;
}
