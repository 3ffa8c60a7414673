// Journey: an operator checks health, version and metrics; a proxy sends request ids.
import { expect, test } from "@playwright/test";
import { DEAD_REDIS_PORT, DEMO_OWNER, hostUrl, onHost, onHostWith, signIn } from "./helpers";

test("/api/health is ok when PostgreSQL and Redis answer", async ({ request }) => {
  const res = await request.get(...onHost("demo.localhost", "/api/health"));
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", checks: { db: "ok", redis: "ok" } });
});

test("/api/version tells version, commit and build time", async ({ request }) => {
  const body = await (await request.get(...onHost("127.0.0.1", "/api/version"))).json();
  expect(body).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), commit: expect.any(String), buildTime: expect.any(String) });
  expect(Number.isNaN(Date.parse(body.buildTime))).toBe(false);
});

test("/api/metrics needs the bearer token and exposes the service metrics", async ({ request }) => {
  const denied = await request.get(...onHost("localhost", "/api/metrics"));
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toMatchObject({ code: "AUTH_REQUIRED" });
  await request.get(...onHost("demo.localhost", "/api/trpc/tenant.current"));
  const res = await request.get(...onHostWith("localhost", "/api/metrics", { authorization: `Bearer ${process.env.METRICS_TOKEN}` }));
  expect(res.status()).toBe(200);
  const text = await res.text();
  for (const name of [
    'http_request_duration_seconds_bucket{le="0.005",route="trpc:tenant.current",method="GET",status="200"}',
    'db_query_duration_seconds_count{model="UserSession",operation="findUnique"}',
    'db_pool_connections{state="in_use"}',
    'queue_jobs{queue="billing",state="waiting"}',
    'queue_jobs{queue="notification",state="failed"}',
    "app_errors_total",
  ]) {
    expect(text).toContain(name);
  }
});

test("an API body over 6 MiB is refused with 413 PAYLOAD_TOO_LARGE", async ({ request }) => {
  const [url, options] = onHostWith("demo.localhost", "/api/trpc/staff.create", { "content-type": "application/json", origin: "http://demo.localhost" });
  const res = await request.post(url, { ...options, data: JSON.stringify({ name: "x".repeat(7 * 1024 * 1024) }) });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
});

test("a malformed x-request-id is replaced; a well-formed one is kept", async ({ request }) => {
  const bad = await request.get(...onHostWith("demo.localhost", "/api/health", { "x-request-id": "bad id <script>" }));
  expect(bad.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const good = await request.get(...onHostWith("demo.localhost", "/", { "x-request-id": "edge-proxy-7f3a9c21" }));
  expect(good.headers()["x-request-id"]).toBe("edge-proxy-7f3a9c21");
  const generated = await request.get(...onHost("nope.localhost", "/"));
  expect(generated.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test.describe("with Redis down", () => {
  test("health answers 503 naming redis, and pages that do not need Redis still serve", async ({ request, page }) => {
    const res = await request.get(...onHost("localhost", "/api/health", DEAD_REDIS_PORT));
    expect(res.status()).toBe(503);
    expect(await res.json()).toMatchObject({ status: "fail", checks: { db: "ok", redis: "fail" }, code: "SERVICE_UNAVAILABLE", details: { failing: ["redis"] } });

    const response = await page.goto(hostUrl("demo.localhost", "/login", DEAD_REDIS_PORT));
    expect(response?.status()).toBe(200);
    await signIn(page, "demo.localhost", DEMO_OWNER, { port: DEAD_REDIS_PORT });
    await expect(page.getByTestId("tenant-name")).toHaveText("Demo Net");
    // Each call first waits out its Redis commands (1 s timeout each) before the in-process
    // stand-ins answer: slow under a loaded CI machine, so more than the default 5 s.
    await expect(page.getByTestId("overview-users-total")).toHaveText(/^\d+$/, { timeout: 20_000 });
  });
});
