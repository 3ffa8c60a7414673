// Next.js configuration. Packages that open raw sockets or load native code stay external
// (required at run time from node_modules, not bundled).
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import createNextIntlPlugin from "next-intl/plugin";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

function gitCommit() {
  if (process.env.RRNET_GIT_COMMIT) return process.env.RRNET_GIT_COMMIT;
  try {
    return execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "unknown";
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let tests and benchmarks build while the demo keeps serving.
  distDir: process.env.RRNET_DIST_DIR || ".next",
  // \`npm test\` type-checks the whole tree with tsc first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // forbidden() in pages answers 403 with app/forbidden.tsx (a user without the capability).
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "bullmq", "pino", "pino-pretty", "prom-client", "argon2", "pdfkit", "node-routeros"],
  env: {
    RRNET_VERSION: pkg.version,
    RRNET_GIT_COMMIT: gitCommit(),
    RRNET_BUILD_TIME: new Date().toISOString(),
  },
};

// next-intl reads its per-request configuration (language, messages, zone) from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
