// ESLint: Next's recommended rules plus the project's own. Import boundaries (which layer and
// module may import which, the unscoped database client, server-only markers) are checked by
// dependency-cruiser: .dependency-cruiser.cjs, run by `npm run lint` after ESLint.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const RAW_SQL = "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]";

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
    },
  },
  {
    // Raw SQL lives in repositories, next to the Prisma queries of the same tables, where a
    // reader checks that it names the handle's tenant (db.tenantId) in its first WHERE. The
    // database layer itself (server/db: tenant counters) and tests are the exceptions.
    files: ["server/**/*.ts", "worker/**/*.ts", "prisma/**/*.ts"],
    ignores: ["**/*.repository.ts", "server/db/**", "**/__tests__/**", "server/testing/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: RAW_SQL, message: "Raw SQL belongs in a *.repository.ts file (and names db.tenantId in its first WHERE)." }],
    },
  },
];

export default config;
