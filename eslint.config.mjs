// ESLint: Next's recommended rules plus the project's own. Import boundaries (which layer and
// module may import which, the unscoped database client, server-only markers) are checked by
// dependency-cruiser: .dependency-cruiser.cjs, run by `npm run lint` after ESLint.
import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { delegateOf, MODEL_EXCEPTIONS, MODEL_OWNERS } from "./server/db/model-owners.mjs";

const RAW_SQL = {
  selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
  message: "Raw SQL belongs in a *.repository.ts file (and names db.tenantId in its first WHERE).",
};

const PRISMA_OPS = "findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy";

/** `x.<delegate>.<operation>(…)` on any of `models`. */
const delegateUse = (models, message) => ({
  selector: `MemberExpression[property.name=/^(${PRISMA_OPS})$/][object.type="MemberExpression"][object.property.name=/^(${models.map(delegateOf).join("|")})$/]`,
  message,
});

/** The models a file of `module` may not touch, but for `allowed` (a documented exception). */
function foreignModels(module, allowed = []) {
  return Object.entries(MODEL_OWNERS)
    .filter(([model, owners]) => owners !== "shared" && !(Array.isArray(owners) && owners.includes(module)) && !allowed.includes(model))
    .map(([model]) => model);
}

const TABLE_MESSAGE = "This table belongs to another module (server/db/model-owners.mjs): call that module's service.";
const MODULES = readdirSync(new URL("./server/modules/", import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const TESTS = ["**/__tests__/**"];

/**
 * Per module: its services and the rest may not use raw SQL; none of its files may use another
 * module's tables. (One no-restricted-syntax setting per file: flat config replaces, not merges.)
 */
const moduleRules = MODULES.flatMap((module) => {
  const dir = `server/modules/${module}`;
  const tables = delegateUse(foreignModels(module), TABLE_MESSAGE);
  return [
    { files: [`${dir}/**/*.ts`], ignores: [...TESTS, "**/*.repository.ts"], rules: { "no-restricted-syntax": ["error", RAW_SQL, tables] } },
    { files: [`${dir}/**/*.repository.ts`], ignores: TESTS, rules: { "no-restricted-syntax": ["error", tables] } },
    ...MODEL_EXCEPTIONS.filter((e) => e.files.some((f) => f.startsWith(`${dir}/`))).flatMap((e) => {
      const allowed = delegateUse(foreignModels(module, e.models), TABLE_MESSAGE);
      const repositories = e.files.map((f) => (f.endsWith("**") ? `${f}/*.repository.ts` : f)).filter((f) => f.endsWith(".repository.ts"));
      return [
        { files: e.files, ignores: [...TESTS, "**/*.repository.ts"], rules: { "no-restricted-syntax": ["error", RAW_SQL, allowed] } },
        ...(repositories.length ? [{ files: repositories, ignores: TESTS, rules: { "no-restricted-syntax": ["error", allowed] } }] : []),
      ];
    }),
  ];
});

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
    ignores: ["**/*.repository.ts", "server/db/**", ...TESTS, "server/testing/**"],
    rules: { "no-restricted-syntax": ["error", RAW_SQL] },
  },
  ...moduleRules,
];

export default config;
