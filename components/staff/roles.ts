// Which staff roles the signed-in user may hand out. Their names are `common.roles.*`.
import { STAFF_ROLES, canAssignRole, type TenantRole } from "@/server/modules/identity/capabilities";

export type StaffRole = (typeof STAFF_ROLES)[number];

export function assignableRoles(actor: TenantRole): StaffRole[] {
  return STAFF_ROLES.filter((role) => canAssignRole(actor, role));
}
