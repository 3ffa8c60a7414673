// HTTP benchmark (npm run bench:http; scripts/bench-http.sh prepares the env, database and build).
// Measures, with autocannon on loopback against the production build, the throughput and
// latency of the bare /api/health route and of a tenant-scoped tRPC query (tenant.overview on
// demo.localhost as its signed-in owner: host resolution in the proxy, tRPC context with the
// session checked against its row, plan entitlements and the per-tenant rate limit in Redis,
// the tenant-scope Prisma extension, a real SQL query). Their ratio is the cost of the tenant machinery; the goal is that the tenant
// query keeps at least 70% of the bare route's throughput. A measurement, not a test: exit 0
// whether or not the goal is met, non-zero only when the run itself fails.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

// autocannon ships no type declarations; only the parts used here are typed.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}
interface AutocannonOptions {
  url: string;
  headers?: Record<string, string>;
  connections?: number;
  duration?: number;
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const ROOT = path.resolve(import.meta.dirname, "..");
const GOAL = 0.7;
const WARMUP_S = 2;
const READY_TIMEOUT_MS = 60_000;

function parseArgs(argv: string[]) {
  const opts = { duration: 10, connections: 20 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag !== "--duration" && flag !== "--connections") fail(`unknown argument: ${arg} (use --duration N, --connections N)`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) fail(`${flag} needs a positive integer, got ${raw ?? "nothing"}`);
    if (flag === "--duration") opts.duration = value;
    else opts.connections = value;
  }
  return opts;
}

class BenchError extends Error {}
function fail(message: string): never {
  throw new BenchError(message);
}

const PORT = Number(process.env.APP_PORT ?? 3200);
const HOST = process.env.APP_HOST ?? "127.0.0.1";
const ROOT_DOMAIN = process.env.ROOT_DOMAIN ?? "localhost";
const BASE = `http://${HOST}:${PORT}`;

type Target = { name: string; url: string; host: string; headers: Record<string, string> };
const targets: { health: Target; tenant: Target } = {
  health: { name: "health", url: `${BASE}/api/health`, host: `${ROOT_DOMAIN}:${PORT}`, headers: {} },
  tenant: { name: "tenant", url: `${BASE}/api/trpc/tenant.overview`, host: `demo.${ROOT_DOMAIN}:${PORT}`, headers: {} },
};
const OWNER = { email: "owner@demo.local", password: "demo-owner" };

type Reply = { status: number; body: string; setCookies: string[] };

/** One request with an explicit Host header (fetch would not let us set it). */
function request(method: string, url: string, headers: Record<string, string>, body?: string, timeoutMs = 5000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, timeout: timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, setCookies: res.headers["set-cookie"] ?? [] }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

function get(url: string, host: string, timeoutMs = 5000, headers: Record<string, string> = {}): Promise<Reply> {
  return request("GET", url, { host, ...headers }, undefined, timeoutMs);
}

const cookiePairs = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]!);

/** Signs the demo owner in through next-auth's own endpoints; returns the Cookie header. */
async function signIn(host: string): Promise<string> {
  const csrf = await get(`${BASE}/api/auth/csrf`, host);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken?: string };
  if (csrf.status !== 200 || !csrfToken) fail(`GET /api/auth/csrf answered ${csrf.status}: ${csrf.body.slice(0, 200)}`);
  const form = new URLSearchParams({ csrfToken, email: OWNER.email, password: OWNER.password, json: "true" }).toString();
  const signedIn = await request("POST", `${BASE}/api/auth/callback/credentials`, {
    host,
    origin: `http://${host}`,
    "content-type": "application/x-www-form-urlencoded",
    cookie: cookiePairs(csrf.setCookies).join("; "),
  }, form);
  const session = cookiePairs(signedIn.setCookies).find((c) => c.includes("session-token="));
  if (!session) fail(`sign-in as ${OWNER.email} on ${host} gave no session cookie (status ${signedIn.status}): ${signedIn.body.slice(0, 200)}`);
  return session;
}

// --- the server child -------------------------------------------------------------------------

let server: ChildProcess | undefined;
let serverExited = false;
const serverOutput: string[] = [];

function startServer() {
  // detached: its own process group, so that tsx and the node process it spawns go together.
  const child = spawn(path.join(ROOT, "scripts/tsx-server.sh"), ["server/http/web-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    serverOutput.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (serverOutput.length > 60) serverOutput.splice(0, serverOutput.length - 60);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", () => (serverExited = true));
  server = child;
  return child;
}

function serverTail() {
  return serverOutput.length ? `\n--- last server output ---\n${serverOutput.join("\n")}` : "";
}

function signalServer(signal: NodeJS.Signals) {
  if (!server?.pid || serverExited) return;
  try {
    process.kill(-server.pid, signal); // the group: tsx and its node child
  } catch {
    /* already gone */
  }
}

async function stopServer() {
  if (!server || serverExited) return;
  const exited = new Promise<void>((resolve) => server!.once("exit", () => resolve()));
  signalServer("SIGTERM");
  const killed = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
  if (killed) signalServer("SIGKILL");
}

// Last resort on any exit path: never leave the server behind.
process.on("exit", () => signalServer("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nbench:http interrupted (${signal}); stopping the server`);
    void stopServer().finally(() => process.exit(130));
  });
}

async function waitReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (serverExited) fail(`the web server exited before answering${serverTail()}`);
    try {
      const res = await get(`${BASE}/api/version`, `${ROOT_DOMAIN}:${PORT}`, 2000);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`the web server did not answer GET /api/version within ${READY_TIMEOUT_MS / 1000} s${serverTail()}`);
}

// --- measuring --------------------------------------------------------------------------------

async function verify() {
  targets.tenant.headers = { cookie: await signIn(targets.tenant.host) };
  const health = await get(targets.health.url, targets.health.host);
  if (health.status !== 200) fail(`GET /api/health (Host ${targets.health.host}) answered ${health.status}, expected 200: ${health.body.slice(0, 300)}`);
  const tenant = await get(targets.tenant.url, targets.tenant.host, 5000, targets.tenant.headers);
  if (tenant.status !== 200 || !tenant.body.includes("Demo Net")) {
    fail(
      `GET /api/trpc/tenant.overview (Host ${targets.tenant.host}) answered ${tenant.status} without "Demo Net" ` +
        `(is the demo tenant seeded?): ${tenant.body.slice(0, 300)}`,
    );
  }
}

async function run(target: Target, duration: number, connections: number) {
  const result = await autocannon({ url: target.url, headers: { host: target.host, ...target.headers }, connections, duration });
  if (serverExited) fail(`the web server exited during the ${target.name} run${serverTail()}`);
  return result;
}

function check(target: Target, r: AutocannonResult) {
  const problems: string[] = [];
  if (r.non2xx > 0) {
    const codes = Object.entries(r.statusCodeStats)
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, { count }]) => `${code}×${count}`)
      .join(", ");
    problems.push(`${r.non2xx} non-2xx responses (${codes})`);
  }
  if (r.errors > 0) problems.push(`${r.errors} errors`);
  if (r.timeouts > 0) problems.push(`${r.timeouts} timeouts`);
  if (problems.length) fail(`${target.name} (${target.url}, Host ${target.host}): ${problems.join(", ")}${serverTail()}`);
}

function table(rows: { target: Target; r: AutocannonResult }[]) {
  const header = ["target", "req/s avg", "p50 ms", "p99 ms", "requests", "errors"];
  const lines = rows.map(({ target, r }) => [
    target.name,
    r.requests.average.toFixed(0),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    String(r.requests.total),
    String(r.errors + r.timeouts + r.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(fmt(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(fmt(l));
}

async function main() {
  const { duration, connections } = parseArgs(process.argv.slice(2));

  // A server already on the port would be measured instead of ours.
  const busy = await get(`${BASE}/api/version`, `${ROOT_DOMAIN}:${PORT}`, 1000).then(
    () => true,
    () => false,
  );
  if (busy) fail(`something already answers on ${BASE}; stop it or choose another BENCH_PORT`);

  console.log(`bench:http: starting the production server on ${BASE}`);
  startServer();
  await waitReady();
  await verify();

  console.log(`bench:http: warming up (${WARMUP_S} s per target)`);
  for (const target of [targets.health, targets.tenant]) await run(target, WARMUP_S, connections);

  const rows: { target: Target; r: AutocannonResult }[] = [];
  for (const target of [targets.health, targets.tenant]) {
    console.log(`bench:http: ${target.name}  GET ${target.url}  Host: ${target.host}  (${duration} s, ${connections} connections)`);
    const r = await run(target, duration, connections);
    check(target, r);
    rows.push({ target, r });
  }
  await stopServer();

  const [health, tenant] = rows.map((row) => row.r) as [AutocannonResult, AutocannonResult];
  const ratio = tenant.requests.average / health.requests.average;
  console.log("");
  table(rows);
  console.log("");
  console.log(`ratio tenant/health: ${ratio.toFixed(2)}`);
  console.log(`goal tenant/health >= ${GOAL.toFixed(2)}: ${ratio >= GOAL ? "met" : "NOT met"}`);
  console.log(
    `bench:http health_rps=${Math.round(health.requests.average)} tenant_rps=${Math.round(tenant.requests.average)} ` +
      `ratio=${ratio.toFixed(2)} tenant_p99_ms=${tenant.latency.p99.toFixed(1)}`,
  );
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench:http failed: ${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopServer();
    process.exit(1);
  },
);
