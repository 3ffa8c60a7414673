// A malformed callbackUrl on next-auth's routes (sign-out, sign-in) is the client's mistake:
// 400 VALIDATION_FAILED, not a 500 from next-auth's URL parsing (issue 10 §4). And the redirect
// callback never throws on what a cookie or a form carried.
import { describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/next-auth";
import { refuseMalformedAuthRequest } from "@/server/auth/auth-request";

const BASE = "http://demo.localhost:3000";

function signOut(callbackUrl: string) {
  return new Request(`${BASE}/api/auth/signout`, {
    method: "POST",
    headers: { host: "demo.localhost:3000", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: "t", callbackUrl, json: "true" }),
  });
}

describe("callbackUrl on next-auth's routes", () => {
  it.each(["http://[", "not a url", "::", "http://exa mple.com"])("a sign-out with callbackUrl %j answers 400 VALIDATION_FAILED", async (url) => {
    const res = await refuseMalformedAuthRequest(signOut(url));
    expect(res?.status).toBe(400);
    expect(await res!.json()).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { callbackUrl: [expect.any(String)] } } });
  });

  it("so does one in the query string", async () => {
    const res = await refuseMalformedAuthRequest(new Request(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent("http://[")}`));
    expect(res?.status).toBe(400);
  });

  it.each(["/customers", `${BASE}/billing`, "https://elsewhere.example/x"])("lets %j through (the redirect callback decides where it goes)", async (url) => {
    expect(await refuseMalformedAuthRequest(signOut(url))).toBeNull();
  });

  it("the request body stays readable for next-auth after the check", async () => {
    const req = signOut("/customers");
    await refuseMalformedAuthRequest(req);
    expect(new URLSearchParams(await req.text()).get("callbackUrl")).toBe("/customers");
  });
});

describe("redirect callback", () => {
  const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: BASE });

  it("goes home instead of throwing on a malformed URL (from the callback-url cookie)", async () => {
    expect(await redirect("http://[")).toBe(BASE);
  });

  it("keeps same-origin targets and refuses other origins", async () => {
    expect(await redirect("/customers")).toBe(`${BASE}/customers`);
    expect(await redirect(`${BASE}/billing`)).toBe(`${BASE}/billing`);
    expect(await redirect("https://evil.example/")).toBe(BASE);
  });
});
