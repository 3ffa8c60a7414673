// How staff roles read in the UI, and which ones the signed-in user may hand out.
import { STAFF_ROLES, canAssignRole, type TenantRole } from "@/server/modules/identity/capabilities";

export const ROLE_LABELS: Record<TenantRole, string> = {
  owner: "Owner",
  admin: "Admin",
  hr: "HR",
  finance: "Finance",
  technician: "Technician",
  collector: "Collector",
  client: "Client",
};

export type StaffRole = (typeof STAFF_ROLES)[number];

export function assignableRoles(actor: TenantRole): StaffRole[] {
  return STAFF_ROLES.filter((role) => canAssignRole(actor, role));
}
