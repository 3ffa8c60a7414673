// Import boundaries, checked by dependency-cruiser on every `npm run lint` (and so `npm test`)
// through scripts/lint-imports.sh; its reporter (scripts/import-graph.mjs) also fails on module
// cycles, and `npm run graph` prints the figures. The layers (README "Architecture"): app/ and
// components/ -> tRPC entry points, schemas and pure modules only; routers -> services ->
// repositories -> the database handle they are given. A module (a folder under server/modules/)
// is reached from another only through its public surface: services, schemas, events, pure
// modules; its router from server/trpc/root.ts, its jobs from the job registry and schedules,
// its *.endpoint.ts from route handlers. Tables are the owning module's too: ESLint checks that
// (server/db/model-owners.mjs).
/** @type {import('dependency-cruiser').IConfiguration} */

// Pure modules: no I/O, no secrets, no server-only imports. The UI and the schemas may use them.
const PURE = [
  "server/modules/identity/capabilities",
  "server/modules/plans/features",
  "server/modules/audit/audit\\.actions",
  "server/modules/billing/invoice-math",
  "server/modules/subscriptions/proration",
  "server/modules/routers/package-profiles",
  "server/modules/payroll/payroll-(rules|engine)",
  "server/modules/hr/attendance-rules",
  "server/modules/files/(upload-rules|exif-gps)",
  "server/modules/workorders/work-order-rules",
  "server/modules/saas-billing/saas-calendar",
  "server/modules/notifications/(message-templates|quiet-hours)",
  "server/modules/system/build-info",
  "server/time/(calendar-date|zone-abbreviation)",
  "server/geo/great-circle",
  "server/pagination/keyset-cursor",
  "server/errors/(app-error|codes|field-errors)",
  "server/http/security-headers",
  "server/pdf/document-model",
  // Languages: locales, catalogue keys and the catalogues themselves, zod issue wording.
  "i18n/(locales|keys|messages|validation|translator|rupiah)",
];
const pure = `^(${PURE.join("|")})\\.ts$`;
const schema = "\\.schema\\.ts$";
const tests = "(^|/)__tests__/|^tests/|^server/testing/|^e2e/";

// What pages, layouts and route handlers under app/ may call besides schemas and pure modules.
const APP_ENTRY = [
  "^server/trpc/(rsc|page-guard|request-caller)\\.ts$",
  "^server/auth/(next-auth|auth-request|auth-response-cookies)\\.ts$",
  "^server/http/json\\.ts$",
  "^server/pdf/",
  "^server/http/file-response\\.ts$",
  "\\.endpoint\\.ts$",
];

// System code: crosses tenants on purpose (host resolution, the operator console, RRNET's SaaS
// ledger, sweeps over every tenant, health), or sets the process up. It may use the unscoped
// client. Everything else reaches the database through a tenant-scoped handle it is given.
const SYSTEM = [
  "^server/db/",
  "^server/tenancy/",
  "^server/modules/platform/",
  "^server/modules/saas-billing/saas-(ledger\\.repository|sweep\\.service|console\\.service|payment\\.service)\\.ts$",
  "^server/modules/audit/audit\\.repository\\.ts$",
  // national payroll rules: platform reference data every tenant's payroll reads
  "^server/modules/payroll/payroll-rules\\.repository\\.ts$",
  "^server/modules/system/",
  "^server/http/web-server\\.ts$",
  "^worker/",
  "^prisma/",
  "^bench/",
];

// Edges: where a tenant-scoped handle is made (forTenant) for the request, job, callback or
// script at hand. Services are given one; they never make their own.
const EDGES = [
  "^server/trpc/(context|procedures)\\.ts$",
  "\\.jobs\\.ts$",
  "\\.endpoint\\.ts$",
  "^server/auth/",
  ...SYSTEM,
];

const any = (list) => list.join("|");

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files import each other in a loop: split the shared part out.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-foreign-repository",
      severity: "error",
      comment: "A repository is its module's own: call that module's service instead.",
      from: { path: "^server/modules/([^/]+)/", pathNot: tests },
      to: { path: "^server/modules/.+\\.repository\\.ts$", pathNot: "^server/modules/$1/" },
    },
    {
      name: "no-repository-from-outside",
      severity: "error",
      comment: "Only a module's own services (and its tests) use its repositories.",
      from: { pathNot: `^server/modules/|${tests}` },
      to: { path: "^server/modules/.+\\.repository\\.ts$" },
    },
    {
      name: "module-public-surface",
      severity: "error",
      comment: "Another module is reached through its services, schemas, events and pure modules only.",
      from: { path: "^server/modules/([^/]+)/", pathNot: tests },
      to: { path: "^server/modules/", pathNot: `^server/modules/$1/|\\.(service|schema|events)\\.ts$|${pure}` },
    },
    {
      name: "infra-module-surface",
      severity: "error",
      comment:
        "Infrastructure and entry points reach a module through services, schemas, events and pure modules; routers from server/trpc/root.ts, jobs from the job registry, endpoints from app/.",
      from: { path: "^(server/(?!modules/)|worker/|prisma/|bench/|proxy\\.ts$)", pathNot: tests },
      to: {
        path: "^server/modules/",
        pathNot: `\\.(service|schema|events|router|jobs|endpoint|repository)\\.ts$|${pure}`,
      },
    },
    {
      name: "routers-only-from-root",
      severity: "error",
      comment: "A router is mounted by server/trpc/root.ts only.",
      from: { pathNot: `^server/trpc/root\\.ts$|${tests}` },
      to: { path: "\\.router\\.ts$" },
    },
    {
      name: "endpoints-only-from-app",
      severity: "error",
      comment: "An *.endpoint.ts file is the server side of one route handler under app/api.",
      from: { pathNot: `^app/|${tests}` },
      to: { path: "\\.endpoint\\.ts$" },
    },
    {
      name: "services-no-trpc-or-next",
      severity: "error",
      comment: "Services, repositories and jobs never import tRPC, Next or next-auth: they run in the worker and scripts too.",
      from: { path: "^server/modules/", pathNot: `\\.router\\.ts$|${tests}` },
      to: { path: "^server/trpc/|^node_modules/(next|@trpc/[^/]+|next-auth)/" },
    },
    {
      name: "schemas-are-pure",
      severity: "error",
      comment: "Schemas are shared with the browser: zod, other schemas and pure modules only.",
      from: { path: schema },
      to: { pathNot: `${schema}|${pure}|^node_modules/zod/` },
    },
    {
      name: "pure-modules-are-pure",
      severity: "error",
      comment: "A pure module imports only zod, schemas and other pure modules (and the catalogues and use-intl's pure core).",
      from: { path: pure },
      to: { pathNot: `${schema}|${pure}|^node_modules/zod/|^messages/[a-z]+/[a-z-]+\\.json$|^node_modules/use-intl/` },
    },
    {
      name: "components-server-surface",
      severity: "error",
      comment: "Components import from server/ only schemas and pure modules (and the AppRouter type).",
      from: { path: "^components/" },
      to: { path: "^server/", pathNot: `${schema}|${pure}|^server/trpc/root\\.ts$` },
    },
    {
      name: "components-router-type-only",
      severity: "error",
      comment: "The browser's tRPC client needs the AppRouter type, never the router itself.",
      from: { path: "^components/" },
      to: { path: "^server/trpc/root\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "app-server-surface",
      severity: "error",
      comment: "Pages, layouts and route handlers call the server through tRPC (serverApi, withRequestCaller), next-auth, PDF rendering and *.endpoint.ts files; otherwise schemas and pure modules.",
      from: { path: "^app/" },
      to: { path: "^server/", pathNot: `${schema}|${pure}|${any(APP_ENTRY)}` },
    },
    {
      name: "server-not-ui",
      severity: "error",
      comment: "Server code never imports pages or components.",
      from: { path: "^server/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "unscoped-db-system-only",
      severity: "error",
      comment: "The unscoped client bypasses tenant scoping: edges and system code only (EDGES in this file). Services use the handle they are given.",
      from: { pathNot: `${any(EDGES)}|${tests}` },
      to: { path: "^server/db/unsafe-system-db\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "prisma-client-types-only",
      severity: "error",
      comment: "Outside system code the generated Prisma client is imported for its types only.",
      from: { pathNot: `${any(SYSTEM)}|${tests}` },
      to: { path: "^server/db/generated/client\\.ts$|^node_modules/@prisma/client/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "for-tenant-at-edges",
      severity: "error",
      comment: "forTenant() is called at the edges only (tRPC context, job handlers, endpoints, next-auth, system code, seed); services take the handle they are given.",
      from: { pathNot: `${any(EDGES)}|${tests}` },
      to: { path: "^server/db/index\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  required: [
    {
      name: "server-only-marker",
      severity: "error",
      comment: "Server code starts with `import \"server-only\"` so that a browser bundle that reaches it fails the build. Schemas and pure modules are shared with the browser and do not.",
      module: { path: "^server/.+\\.tsx?$", pathNot: `${schema}|${pure}|${tests}|^server/db/generated/` },
      to: { path: "^node_modules/server-only/" },
    },
  ],
  options: {
    doNotFollow: { path: "^node_modules/|^server/db/generated/" },
    exclude: { path: "^(\\.next|\\.next-[^/]+|test-results|playwright-report)/|(^|/)__tests__/|^server/testing/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    skipAnalysisNotInRules: true,
  },
};
