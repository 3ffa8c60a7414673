// ESLint: Next's recommended rules plus the project's boundaries. The unscoped database client
// (server/db/unsafe-system-db) and the generated Prisma client may only be imported by system
// code; everything else goes through forTenant() (server/db).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const RAW_DB_MESSAGE = "Unscoped database access: use forTenant() from @/server/db. Only system code may import this (see eslint.config.mjs).";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/unsafe-system-db", "**/db/unsafe-system-db.ts"], message: RAW_DB_MESSAGE },
            { group: ["**/db/generated/client", "**/db/generated/client.ts", "@prisma/client", "@prisma/client/*"], message: RAW_DB_MESSAGE, allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // System code: the database layer itself, host resolution, platform (super-admin) code,
    // health, the outbox relay, seed, worker bootstrap, process entry points, and tests that set
    // up fixtures.
    files: [
      "server/db/**",
      "server/testing/**",
      "server/tenancy/**",
      "server/modules/platform/**",
      // RRNET's SaaS ledger across tenants (the rest of that module uses forTenant()).
      "server/modules/saas-billing/saas-ledger.repository.ts",
      "server/modules/system/**",
      "server/events/outbox.ts",
      "server/http/web-server.ts",
      "worker/index.ts",
      "prisma/**",
      "bench/**",
      "**/__tests__/**",
      "tests/**",
    ],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
];

export default config;
