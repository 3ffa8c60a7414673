// The one permission table: which role may do what. Procedures check it through
// requireCapability(); the UI reads it to show menus and buttons. Pure: no server imports.
// docs/ROLE_CAPABILITY_SPEC.md is the same matrix in prose; a test keeps them in step.

export const TENANT_ROLES = ["owner", "admin", "hr", "finance", "technician", "collector", "client"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
export const STAFF_ROLES = TENANT_ROLES.filter((r) => r !== "client") as Exclude<TenantRole, "client">[];
export type AnyRole = TenantRole | "super_admin";

const STAFF: readonly TenantRole[] = STAFF_ROLES;

export const CAPABILITIES = {
  // Every staff member
  "dashboard.view": STAFF,
  "account.security": STAFF,
  // Tenant administration
  "staff.read": ["owner", "admin", "hr"],
  "staff.manage": ["owner", "admin"],
  "tenant.settings": ["owner", "admin"],
  "tenant.domains": ["owner", "admin"],
  "tenant.security_policy": ["owner"],
  "tenant.saas_billing": ["owner"],
  "audit.read": ["owner"],
  // End-customer billing
  "customers.read": ["owner", "admin", "finance", "technician", "collector"],
  "customers.manage": ["owner", "admin", "finance"],
  "customers.export": ["owner", "admin"],
  "billing.read": ["owner", "admin", "finance"],
  "billing.manage": ["owner", "admin", "finance"],
  // A collector reads balances and receipts; their cash is recorded only through collections'
  // collect, so it always enters their custody ledger (issue 15).
  "payments.read": ["owner", "admin", "finance", "collector"],
  "payments.record": ["owner", "admin", "finance"],
  "reports.read": ["owner", "admin", "finance"],
  // Network and field work
  "network.read": ["owner", "admin", "technician"],
  "network.manage": ["owner", "admin", "technician"],
  "routers.manage": ["owner", "admin"],
  "maps.read": ["owner", "admin", "technician"],
  "maps.manage": ["owner", "admin"],
  "maps.field": ["owner", "admin", "technician"],
  "tasks.read": ["owner", "admin", "technician"],
  "tasks.manage": ["owner", "admin"],
  "tasks.field": ["owner", "admin", "technician"],
  // Cash collection
  "collections.own": ["collector"],
  "collections.manage": ["owner", "admin", "finance"],
  // HR
  "hr.read": ["owner", "hr"],
  "hr.manage": ["owner", "hr"],
  "payroll.manage": ["owner", "hr"],
  "hr.self": STAFF,
  // Photos and attachments (field work, tickets): any staff member of the tenant
  "files.upload": STAFF,
  "files.read": STAFF,
  // Notifications
  "notifications.manage": ["owner", "admin"],
  "notifications.read": ["owner", "admin", "finance"],
  "notifications.send": ["owner", "admin", "finance"],
  // Client portal
  "portal.self": ["client"],
} as const satisfies Record<string, readonly TenantRole[]>;

export type Capability = keyof typeof CAPABILITIES;

export const PLATFORM_CAPABILITIES = [
  "platform.tenants.read",
  "platform.tenants.manage",
  "platform.catalog.manage",
  "platform.saas_billing",
  "platform.audit.read",
  "platform.system",
  "platform.account",
] as const;
export type PlatformCapability = (typeof PLATFORM_CAPABILITIES)[number];

export function can(role: AnyRole, capability: Capability | PlatformCapability): boolean {
  if (role === "super_admin") return (PLATFORM_CAPABILITIES as readonly string[]).includes(capability);
  if (!Object.hasOwn(CAPABILITIES, capability)) return false;
  return (CAPABILITIES[capability as Capability] as readonly TenantRole[]).includes(role);
}

/** Capabilities about one's own things: holding them gives no power over anyone else. */
const PERSONAL_CAPABILITIES: ReadonlySet<string> = new Set(["account.security", "collections.own", "hr.self", "portal.self"]);

/**
 * Who may give a role to someone, or manage (change, deactivate, reset the password of) a user
 * who has it: the owner anyone; others with staff.manage only roles that can do nothing they
 * cannot do themselves. So an admin never creates, demotes or takes over an owner, nor an HR
 * user (HR records and payroll are not an admin's).
 */
export function canAssignRole(actor: TenantRole, role: TenantRole): boolean {
  if (actor === "owner") return true;
  if (!can(actor, "staff.manage") || role === "owner") return false;
  return (Object.keys(CAPABILITIES) as Capability[]).every((c) => PERSONAL_CAPABILITIES.has(c) || !can(role, c) || can(actor, c));
}
