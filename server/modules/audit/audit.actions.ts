// Every audited action, by stable name. Pure: shared with the UI (labels).
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "auth.sessions_revoked": "Signed out everywhere",
  "auth.password_changed": "Changed password",
  "auth.2fa_enabled": "Turned on two-factor sign-in",
  "auth.2fa_disabled": "Turned off two-factor sign-in",
  "auth.recovery_code_used": "Used a recovery code",
  "auth.recovery_codes_regenerated": "Generated new recovery codes",
  "staff.created": "Added staff user",
  "staff.role_changed": "Changed role",
  "staff.deactivated": "Deactivated user",
  "staff.reactivated": "Reactivated user",
  "staff.password_reset": "Reset password",
  "customer.created": "Added customer",
  "customer.updated": "Edited customer",
  "customer.imported": "Imported customers from CSV",
  "tenant.created": "Tenant created",
  "tenant.suspended": "Tenant suspended",
  "tenant.reactivated": "Tenant reactivated",
  "tenant.archived": "Tenant archived",
  "tenant.restored": "Tenant restored",
  "tenant.plan_changed": "Plan changed",
  "tenant.addons_changed": "Add-ons changed",
  "tenant.security_policy_changed": "Two-factor policy changed",
  "domain.added": "Custom domain added",
  "domain.verified": "Custom domain verified",
  "domain.removed": "Custom domain removed",
  "platform.sign_in": "Operator signed in",
  "platform.sign_in_failed": "Operator sign-in failed",
  "catalog.plan_saved": "Plan saved",
  "catalog.addon_saved": "Add-on saved",
  "package.saved": "Service package saved",
  "subscription.created": "Subscription created",
  "subscription.changed": "Subscription changed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Tenant-level events: also written to the platform log the super admin reads. */
export const PLATFORM_VISIBLE_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  "tenant.created", "tenant.suspended", "tenant.reactivated", "tenant.archived", "tenant.restored",
  "tenant.plan_changed", "tenant.addons_changed", "domain.added", "domain.verified", "domain.removed",
]);
