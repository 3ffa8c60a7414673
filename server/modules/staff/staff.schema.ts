// Shapes of staff management. No server imports: shared with the UI.
import { z } from "zod";
import { STAFF_ROLES } from "@/server/modules/identity/capabilities";

export const ZStaffRole = z.enum(STAFF_ROLES as [(typeof STAFF_ROLES)[number], ...(typeof STAFF_ROLES)[number][]]);
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const ZStaffMember = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZStaffRole,
  active: z.boolean(),
  twoFactorEnabled: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** The signed-in user's own row (no role change or deactivation from here). */
  isSelf: z.boolean(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;

export const ZStaffList = z.array(ZStaffMember);

export const ZStaffTarget = z.object({ userId: z.uuid() });

export const ZCreateStaffInput = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().max(200).pipe(z.email()),
  role: ZStaffRole,
});
export type TCreateStaffInput = z.infer<typeof ZCreateStaffInput>;

export const ZChangeRoleInput = ZStaffTarget.extend({ role: ZStaffRole });
export type TChangeRoleInput = z.infer<typeof ZChangeRoleInput>;

/** A generated password, shown once and never stored in clear. */
export const ZStaffWithPassword = z.object({ user: ZStaffMember, password: z.string() });
export type TStaffWithPassword = z.infer<typeof ZStaffWithPassword>;
