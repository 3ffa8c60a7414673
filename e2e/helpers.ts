// Shared bits of the end-to-end specs: ports of the servers playwright.config.ts starts, and
// direct database access for fixtures the UI cannot create yet.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { Page } from "@playwright/test";
import pg from "pg";
import { TOTP, Secret } from "otpauth";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const DEAD_REDIS_PORT = PORT + 1;
export const hostUrl = (host: string, path = "/", port = PORT) => `http://${host}:${port}${path}`;

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * An API call to a host name served on loopback. Node does not resolve *.localhost (Chromium
 * does), so API calls go to 127.0.0.1 with the Host header of the tenant.
 */
export function onHost(host: string, path: string, port = PORT) {
  return [`http://127.0.0.1:${port}${path}`, { headers: { host: `${host}:${port}` } }] as const;
}

/** Same as onHost, with extra headers. */
export function onHostWith(host: string, path: string, headers: Record<string, string>, port = PORT) {
  const [url, options] = onHost(host, path, port);
  return [url, { headers: { ...options.headers, ...headers } }] as const;
}

export const DEMO_OWNER = { email: "owner@demo.local", password: "demo-owner" };

/** The shell's and the sign-in page's words the helpers click, in each language of the catalogues. */
const WORDS = {
  id: { password: "Kata sandi", signIn: "Masuk", menu: /Menu akun/, signOut: "Keluar", mainNav: "Menu utama" },
  en: { password: "Password", signIn: "Sign in", menu: /Account menu/, signOut: "Sign out", mainNav: "Main" },
} as const;
export type UiLanguage = keyof typeof WORDS;

/**
 * Signs in through the sign-in page of `host` and waits for the dashboard. The page speaks the
 * ISP's default language: Indonesian unless `lang` says otherwise (the journeys run in
 * Indonesian; e2e/language.spec.ts runs one in English).
 */
export async function signIn(page: Page, host: string, who: { email: string; password: string }, { port = PORT, lang = "id" }: { port?: number; lang?: UiLanguage } = {}) {
  await page.goto(hostUrl(host, "/login", port));
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel(WORDS[lang].password).fill(who.password);
  await page.getByRole("button", { name: WORDS[lang].signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Signs out through the user menu of the top bar. */
export async function signOut(page: Page, lang: UiLanguage = "id") {
  await page.getByRole("banner").getByRole("button", { name: WORDS[lang].menu }).click();
  await page.getByRole("menuitem", { name: WORDS[lang].signOut }).click();
  await page.waitForURL(/\/login$/);
}

/** The main navigation (the sidebar from md up). */
export const mainNav = (page: Page, lang: UiLanguage = "id") => page.getByRole("navigation", { name: WORDS[lang].mainNav }).first();

/** On the Staff page (already open), adds a staff member and returns the one-time password shown. */
export async function addStaff(page: Page, who: { name: string; email: string; role: string }): Promise<string> {
  await page.locator('input[name="name"]').fill(who.name);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('select[name="role"]').selectOption(who.role);
  await page.getByTestId("add-staff-submit").click();
  return (await page.getByTestId("one-time-password-value").textContent())!.trim();
}

/**
 * First sign-in with a password someone else generated: the only page is account security,
 * which asks for a password of one's own; changing it signs out, and the new one signs in.
 * Returns the new password.
 */
export async function signInFirstTime(page: Page, host: string, who: { email: string; password: string }, port = PORT): Promise<string> {
  await signIn(page, host, who, { port });
  await page.waitForURL(/\/account\/security$/);
  await page.getByTestId("password-change-required").waitFor();
  const own = `${who.password}-own`;
  await page.getByLabel("Kata sandi saat ini").fill(who.password);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(own);
  await page.getByLabel("Ulangi kata sandi baru").fill(own);
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await page.waitForURL(/\/login$/);
  await signIn(page, host, { email: who.email, password: own }, { port });
  return own;
}

/**
 * On the account security page (already open), turns on two-factor sign-in with a code computed
 * from the secret shown, as an authenticator app would; returns that authenticator.
 */
export async function enrollTwoFactor(page: Page): Promise<TOTP> {
  await page.getByRole("button", { name: "Aktifkan verifikasi dua langkah" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  await page.getByLabel("Kode dari aplikasi").fill(totp.generate());
  await page.getByRole("button", { name: "Aktifkan", exact: true }).click();
  return totp;
}

export type WorkerProcess = { child: ChildProcess; log: () => string; stop: () => Promise<void> };

/**
 * A real worker process (worker/index.ts, the production code) for journeys whose outcome a job
 * brings about; resolves once it has started. `stop` ends it with SIGTERM and waits.
 */
export async function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn("scripts/tsx-server.sh", ["worker/index.ts"], { env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  for (let i = 0; i < 300 && !log.includes("worker started") && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  if (!log.includes("worker started")) throw new Error(`the worker did not start:\n${log.slice(-2000)}`);
  return {
    child,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
