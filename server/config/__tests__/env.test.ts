import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/server/config/env";

const VALID = {
  APP_ENV: "production",
  DATABASE_URL: "postgresql://u:p@db.internal:5432/rrnet",
  REDIS_URL: "redis://cache.internal:6379/0",
  ROOT_DOMAIN: "rrnet.id",
  AUTH_SECRET: "x".repeat(40),
  METRICS_TOKEN: "m".repeat(20),
  SECRET_KEYS: `k2:${Buffer.alloc(32, 2).toString("base64")},k1:${Buffer.alloc(32, 1).toString("base64")}`,
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}

describe("configuration", () => {
  it("accepts a complete production environment and applies the pool defaults", () => {
    const env = parseEnv(VALID);
    expect(env).toMatchObject({ APP_PORT: 3000, DB_POOL_MAX: 25, DB_POOL_MIN: 5, DB_POOL_IDLE_TIMEOUT_MS: 1_800_000, DB_POOL_MAX_LIFETIME_S: 3600, DB_HEALTH_CHECK_INTERVAL_MS: 60_000 });
  });

  it("names every bad variable at once, with what it expects", () => {
    const problems = problemsOf({ ...VALID, DATABASE_URL: "mysql://x", REDIS_URL: undefined, APP_PORT: "http", AUTH_SECRET: "short" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["APP_PORT", "AUTH_SECRET", "DATABASE_URL", "REDIS_URL"]);
    expect(problems.find((p) => p.startsWith("REDIS_URL"))).toContain("missing");
    expect(problems.find((p) => p.startsWith("AUTH_SECRET"))).toContain("at least 32 characters");
  });

  it("fills development defaults only when APP_ENV=development", () => {
    expect(parseEnv({ APP_ENV: "development" }).ROOT_DOMAIN).toBe("localhost");
    const problems = problemsOf({ APP_ENV: "production" });
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(problemsOf({}).some((p) => p.startsWith("APP_ENV"))).toBe(true);
  });

  it("tracing: OTLP export is off unless an endpoint is set; its settings are checked", () => {
    const env = parseEnv(VALID);
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(env.TRACE_SAMPLE_RATIO).toBe(1);
    expect(parseEnv({ ...VALID, OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318", OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=abc%3D1,tenant = rrnet" })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318",
    });
    const problems = problemsOf({ ...VALID, OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4318", OTEL_EXPORTER_OTLP_HEADERS: "just-a-token", TRACE_SAMPLE_RATIO: "1.5", OTEL_SERVICE_NAME: "rrnet web" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_HEADERS", "OTEL_SERVICE_NAME", "TRACE_SAMPLE_RATIO"]);
  });

  it("requires the secret keys in production, each an id and 32 bytes", () => {
    expect(problemsOf({ ...VALID, SECRET_KEYS: undefined })).toEqual([expect.stringMatching(/^SECRET_KEYS \(missing\)/)]);
    expect(problemsOf({ ...VALID, SECRET_KEYS: "k1:c2hvcnQ=" })[0]).toMatch(/^SECRET_KEYS \(invalid\)/);
    expect(parseEnv({ APP_ENV: "development" }).SECRET_KEYS).toBeUndefined();
  });

  it("rejects a pool minimum above its maximum", () => {
    expect(problemsOf({ ...VALID, DB_POOL_MIN: "30", DB_POOL_MAX: "10" })).toEqual(["DB_POOL_MIN: must not exceed DB_POOL_MAX"]);
  });

  it("a process with bad configuration stops with one message listing every bad variable", () => {
    const env = { PATH: process.env.PATH, NODE_ENV: "production" as const, APP_ENV: "production", ROOT_DOMAIN: "Not A Domain", METRICS_TOKEN: "m".repeat(20) };
    const run = spawnSync("scripts/tsx-server.sh", ["worker/index.ts"], { env, encoding: "utf8", timeout: 20_000 });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain("Invalid configuration");
    for (const name of ["DATABASE_URL", "REDIS_URL", "ROOT_DOMAIN", "AUTH_SECRET"]) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});
