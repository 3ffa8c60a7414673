// The application router: one sub-router per domain module, mounted here and nowhere else.
import "server-only";
import { router, createCallerFactory } from "./init";
import { tenantRouter } from "@/server/modules/tenant/tenant.router";
import { identityRouter } from "@/server/modules/identity/identity.router";
import { accountRouter } from "@/server/modules/identity/account.router";
import { staffRouter } from "@/server/modules/staff/staff.router";
import { settingsRouter } from "@/server/modules/tenant-settings/tenant-settings.router";
import { auditRouter } from "@/server/modules/audit/audit.router";
import { customersRouter } from "@/server/modules/customers/customers.router";
import { platformRoutes } from "@/server/modules/platform/platform.router";
import { platformAccountRouter } from "@/server/modules/platform/platform-account.router";
import { packagesRouter } from "@/server/modules/packages/packages.router";
import { routersRouter } from "@/server/modules/routers/routers.router";
import { networkRouter } from "@/server/modules/routers/network.router";
import { subscriptionsRouter } from "@/server/modules/subscriptions/subscriptions.router";
import { billingRouter } from "@/server/modules/billing/billing.router";
import { gatewayRouter } from "@/server/modules/billing/gateway/gateway.router";
import { portalRouter } from "@/server/modules/portal/portal.router";
import { saasBillingRouter } from "@/server/modules/saas-billing/saas-billing.router";
import { saasBillingConsoleRouter } from "@/server/modules/saas-billing/saas-billing-console.router";
import { systemConsoleRouter } from "@/server/modules/system/system.router";
import { notificationsRouter } from "@/server/modules/notifications/notifications.router";
import { ftthRouter } from "@/server/modules/ftth/ftth.router";
import { hrRouter } from "@/server/modules/hr/hr.router";
import { payrollRouter } from "@/server/modules/payroll/payroll.router";
import { filesRouter } from "@/server/modules/files/files.router";
import { workOrdersRouter } from "@/server/modules/workorders/workorders.router";
import { collectionsRouter } from "@/server/modules/collections/collections.router";

export const appRouter = router({
  tenant: tenantRouter,
  identity: identityRouter,
  account: accountRouter,
  staff: staffRouter,
  settings: settingsRouter,
  audit: auditRouter,
  customers: customersRouter,
  // The operator console: tenants, catalog, audit, RRNET's SaaS billing of its ISPs, system status.
  platform: router({ ...platformRoutes, saasBilling: saasBillingConsoleRouter, system: systemConsoleRouter }),
  platformAccount: platformAccountRouter,
  packages: packagesRouter,
  routers: routersRouter,
  network: networkRouter,
  subscriptions: subscriptionsRouter,
  billing: billingRouter,
  gateway: gatewayRouter,
  portal: portalRouter,
  saasBilling: saasBillingRouter,
  notifications: notificationsRouter,
  ftth: ftthRouter,
  hr: hrRouter,
  payroll: payrollRouter,
  files: filesRouter,
  workOrders: workOrdersRouter,
  collections: collectionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
