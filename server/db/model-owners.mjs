// Which module owns each table (Prisma model): only the owner's code uses the model's delegate
// (`db.customer.findMany(…)`); other modules call the owner's service. ESLint checks it
// (eslint.config.mjs) and server/db/__tests__/model-owners.test.ts fails for a model missing
// here. Add a new model's row with its migration.
//   SHARED  every module reads and writes its own tenant's row (settings live in its columns)
//   INFRA   used only by the database layer and the event outbox, never by a module
export const SHARED = "shared";
export const INFRA = "infra";

/** Model name -> owning modules (folders of server/modules/), or SHARED / INFRA. */
export const MODEL_OWNERS = {
  Tenant: SHARED,
  Plan: ["platform"],
  AddOn: ["platform"],
  TenantAddOn: ["platform"],
  TenantDomain: ["tenant-settings"],
  // Identity signs users in and keeps their own account; staff manages them.
  User: ["identity", "staff"],
  UserSession: ["identity"],
  PortalSignInCode: ["portal"],
  PaymentPromise: ["billing"],
  PlatformAdmin: ["platform"],
  PlatformSession: ["platform"],
  AuditEvent: ["audit"],
  PlatformAuditEvent: ["audit"],
  TenantCounter: INFRA,
  Customer: ["customers"],
  ServicePackage: ["packages"],
  Subscription: ["subscriptions"],
  Invoice: ["billing"],
  InvoiceLine: ["billing"],
  Payment: ["billing"],
  PaymentAllocation: ["billing"],
  PaymentGatewayAccount: ["billing"],
  GatewayCharge: ["billing"],
  GatewayCallback: ["billing"],
  CustomerNetworkState: ["billing"],
  SaasInvoice: ["saas-billing"],
  SaasPayment: ["saas-billing"],
  Router: ["routers"],
  RouterHealthSample: ["routers"],
  RouterCommandLog: ["routers"],
  NetworkAccount: ["routers"],
  PlatformCounter: INFRA,
  OutboxEvent: INFRA,
  WhatsAppSettings: ["notifications"],
  WhatsAppMessage: ["notifications"],
  WhatsAppOptOut: ["notifications"],
  WhatsAppTemplate: ["notifications"],
  WhatsAppCloudTemplate: ["notifications"],
  WhatsAppBroadcast: ["notifications"],
  FtthNode: ["ftth"],
  FtthLink: ["ftth"],
  FtthDrop: ["ftth"],
  FtthIncident: ["ftth"],
  FtthIncidentNode: ["ftth"],
  FtthIncidentCustomer: ["ftth"],
  FtthIncidentEvent: ["ftth"],
  FtthSettings: ["ftth"],
  FtthSessionDrop: ["ftth"],
  PayrollRule: ["payroll"],
  WorkOrder: ["workorders"],
  WorkOrderAssignee: ["workorders"],
  WorkOrderEvent: ["workorders"],
  WorkOrderPhoto: ["workorders"],
  WorkOrderSettings: ["workorders"],
  Ticket: ["workorders"],
  TicketMessage: ["workorders"],
  HrSettings: ["hr"],
  WorkShift: ["hr"],
  Employee: ["hr"],
  AttendanceRecord: ["hr"],
  AttendancePhoto: ["hr"],
  StoredFile: ["files"],
  CollectorAssignment: ["collections"],
  CashCollection: ["collections"],
  CustodyEntry: ["collections"],
  CollectorDeposit: ["collections"],
  CollectorCommissionRule: ["collections"],
  LeaveRequest: ["hr"],
  PayrollRun: ["payroll"],
  PayrollLine: ["payroll"],
  // FreeRADIUS's rlm_sql tables: RRNET writes the auth tables, FreeRADIUS accounting and post-auth.
  RadiusNas: ["radius"],
  RadiusCheck: ["radius"],
  RadiusReply: ["radius"],
  RadiusGroupCheck: ["radius"],
  RadiusGroupReply: ["radius"],
  RadiusUserGroup: ["radius"],
  RadiusAccounting: ["radius"],
  RadiusPostAuth: ["radius"],
  RadiusSessionRequest: ["radius"],
  RadiusUsageDay: ["radius"],
};

/**
 * The exceptions, each with its reason: `file` may use `model` though its module does not own it.
 * - isolation.service is the one place that sets a customer active <-> isolated (billing decides
 *   network access for billing reasons; the customers module never sets "isolated").
 * - the operator console (platform) is system code: it counts and manages every tenant's users
 *   and domains, and returns aggregates only (privacy test).
 * - a package with subscriptions is deactivated, never deleted: packages counts the subscriptions
 *   on its packages (subscriptions call the packages service, so the other way round would be a
 *   module cycle).
 */
export const MODEL_EXCEPTIONS = [
  { files: ["server/modules/billing/isolation.service.ts"], models: ["Customer"] },
  { files: ["server/modules/platform/**"], models: ["User", "TenantDomain"] },
  { files: ["server/modules/packages/package.repository.ts"], models: ["Subscription"] },
];

/** `CustomerNetworkState` -> `customerNetworkState`: the delegate on a Prisma client. */
export const delegateOf = (model) => model.charAt(0).toLowerCase() + model.slice(1);
