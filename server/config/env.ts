// Process configuration: every setting comes from the environment, is validated here once,
// and a bad value stops the process with one message naming every bad variable.
import "server-only";
import { z } from "zod";

const APP_ENVS = ["development", "test", "production"] as const;
type AppEnv = (typeof APP_ENVS)[number];

// Defaults that are only acceptable on a developer's machine (APP_ENV=development).
const DEV_DEFAULTS: Record<string, string> = {
  DATABASE_URL: "postgresql://rrnet:rrnet@127.0.0.1:54329/rrnet",
  REDIS_URL: "redis://127.0.0.1:63799/0",
  ROOT_DOMAIN: "localhost",
  AUTH_SECRET: "development-only-secret-change-me-0123456789",
  METRICS_TOKEN: "development-metrics-token",
};

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

export const ZEnv = z.object({
  APP_ENV: z.enum(APP_ENVS),
  APP_PORT: int(1, 65535).default(3000),
  APP_HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: url(["postgresql:", "postgres:"]),
  REDIS_URL: url(["redis:", "rediss:"]),
  ROOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, "a lowercase host name without scheme or port, e.g. rrnet.id or localhost"),
  AUTH_SECRET: z.string().min(32, "at least 32 characters"),
  METRICS_TOKEN: z.string().min(16, "at least 16 characters"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_MAX: int(1, 500).default(25),
  DB_POOL_MIN: int(0, 500).default(5),
  DB_POOL_IDLE_TIMEOUT_MS: int(1000, 86_400_000).default(30 * 60 * 1000),
  DB_POOL_MAX_LIFETIME_S: int(60, 86_400).default(60 * 60),
  DB_HEALTH_CHECK_INTERVAL_MS: int(1000, 3_600_000).default(60 * 1000),
  TENANT_CACHE_TTL_MS: int(0, 3_600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: int(1000, 600_000).default(25_000),
  WORKER_CONCURRENCY: int(1, 100).default(5),
  /** Queues this worker process consumes, comma separated (e.g. `notification`); unset: all. */
  WORKER_QUEUES: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, "queue names separated by commas, e.g. notification,billing").optional(),
  /** Behind a reverse proxy: take the client IP, host and scheme from its X-Forwarded-* headers. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** APP_ENV=test only: custom-domain TXT lookups read this JSON file instead of DNS. */
  DNS_TXT_FIXTURE_FILE: z.string().min(1).optional(),
  /** Tripay API base (no trailing slash): its sandbox by default; https://tripay.co.id/api for live. */
  TRIPAY_BASE_URL: url(["https:", "http:"]).default("https://tripay.co.id/api-sandbox"),
  /** Fonnte API base (no trailing slash); the demo points it at sim/whatsapp. */
  FONNTE_BASE_URL: url(["https:", "http:"]).default("https://api.fonnte.com"),
  /** WhatsApp Business Cloud API base with its Graph API version (no trailing slash). */
  WA_CLOUD_BASE_URL: url(["https:", "http:"]).default("https://graph.facebook.com/v21.0"),
  /**
   * How long after a sender died mid-call a Cloud API message waits for the provider's status
   * webhook (carrying our id) before it is sent again as one the provider never took.
   */
  WA_RECONCILE_GRACE_MS: int(100, 86_400_000).default(120_000),
  /** Map tiles for the FTTH map: an XYZ template ({z}/{x}/{y}, optional {s}), or `none` for a plain background. */
  MAP_TILE_URL: z
    .string()
    .refine((v) => v === "none" || /^https?:\/\/[^\s]+$/.test(v) && ["{z}", "{x}", "{y}"].every((p) => v.includes(p)), { message: "`none` or an http(s) tile URL with {z}, {x} and {y}" })
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  /** RRNET's SaaS invoices to ISPs: days from the issue date (the 1st) to the due date. */
  SAAS_INVOICE_DUE_DAYS: int(0, 90).default(7),
  /** Days past a SaaS invoice's due date before its unpaid tenant becomes read-only. */
  SAAS_RESTRICT_AFTER_DAYS: int(0, 365).default(14),
  /** How to pay RRNET (bank account, ...), shown to ISP owners on their subscription page. */
  SAAS_PAYMENT_INSTRUCTIONS: z.string().max(500).optional(),
  /** OTLP/HTTP collector base URL (spans go to <url>/v1/traces); unset: spans are not exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(["https:", "http:"]).optional(),
  /** Headers for the collector, `name=value,name=value` (e.g. an API key). */
  OTEL_EXPORTER_OTLP_HEADERS: z
    .string()
    .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, "name=value pairs separated by commas")
    .optional(),
  /** `service.name` of this process's spans; default rrnet-web / rrnet-worker. */
  OTEL_SERVICE_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "letters, digits, . _ -").optional(),
  /** Share of new traces kept (0–1); a trace continued from a parent follows the parent's choice. */
  TRACE_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
  /** Keys sealing secrets at rest (server/crypto/secret-box): `<id>:<32 bytes base64>`, comma separated, the first seals. */
  SECRET_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, "<id>:<32 bytes in base64>[,<id>:<key>…], the first key seals")
    .optional(),
  /** Photos and attachments (server/modules/files): `local` disk under FILE_STORAGE_DIR, or an S3-compatible bucket. */
  FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
  /** Local file storage folder; default `$RRNET_STATE_DIR/files` (`/var/tmp/rrnet/files`). */
  FILE_STORAGE_DIR: z.string().min(1).optional(),
  /** Local services' state (scripts/lib/services.sh); local file storage lives in its `files/` unless FILE_STORAGE_DIR says otherwise. */
  RRNET_STATE_DIR: z.string().min(1).default("/var/tmp/rrnet"),
  /** FILE_STORAGE=s3: endpoint (path-style, e.g. https://s3.ap-southeast-3.amazonaws.com or a MinIO URL), bucket, region, keys. */
  S3_ENDPOINT: url(["https:", "http:"]).optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name").optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, "a region such as ap-southeast-3 (MinIO: us-east-1)").default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Router API: TCP connect + login, and each command. */
  ROUTER_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
  ROUTER_COMMAND_TIMEOUT_MS: int(100, 600_000).default(15_000),
  /** Router onboarding script: the address routers send RADIUS to and take CoA from (RRNET's RADIUS server). */
  RADIUS_SERVER_ADDRESS: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, "a host name or IP address").optional(),
  /** Routers behind NAT: RRNET's WireGuard hub, `host:port`, and its public key (base64, 44 chars). */
  WIREGUARD_HUB_ENDPOINT: z.string().regex(/^[A-Za-z0-9.-]{1,253}:\d{1,5}$/, "host:port").optional(),
  WIREGUARD_HUB_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "a WireGuard public key (44 characters of base64)").optional(),
  /** The hub's tunnel network, CIDR (each router gets the next free address; the hub is .1). */
  WIREGUARD_HUB_NETWORK: z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.0\/(1[6-9]|2[0-4])$/, "an IPv4 network ending in .0, /16 to /24").default("10.250.0.0/16"),
});
export type TEnv = z.infer<typeof ZEnv>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError listing every bad variable. Pure: for tests. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const appEnv = source.APP_ENV as AppEnv | undefined;
  const input = { ...source };
  if (appEnv === "development") {
    for (const [key, value] of Object.entries(DEV_DEFAULTS)) if (!input[key]) input[key] = value;
  }
  for (const key of Object.keys(input)) if (input[key] === "") delete input[key];
  const result = ZEnv.safeParse(input);
  if (result.success) {
    if (result.data.DB_POOL_MIN > result.data.DB_POOL_MAX) {
      throw new ConfigError(["DB_POOL_MIN: must not exceed DB_POOL_MAX"]);
    }
    if (result.data.FILE_STORAGE === "s3") {
      const missing = (["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !result.data[k]);
      if (missing.length > 0) throw new ConfigError(missing.map((k) => `${k} (missing): required with FILE_STORAGE=s3`));
    }
    if (result.data.APP_ENV === "production" && !result.data.SECRET_KEYS) {
      throw new ConfigError(["SECRET_KEYS (missing): required in production (secrets at rest are sealed with it, not with AUTH_SECRET)"]);
    }
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".");
    const got = input[key] === undefined ? "missing" : "invalid";
    return `${key} (${got}): ${describe(issue)}`;
  });
  throw new ConfigError(problems);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `one of ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type") return `expected ${issue.expected}`;
  return issue.message;
}

let cached: TEnv | undefined;

/** A `.env` file in the working directory fills in variables the environment does not set. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile(".env");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** The validated configuration of this process. Exits the process on bad configuration. */
export function env(): TEnv {
  if (cached) return cached;
  loadDotEnv();
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      // One message, no stack: this is an operator's mistake, not a bug.
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  return cached;
}
