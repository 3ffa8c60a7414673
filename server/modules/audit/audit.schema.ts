// Shapes of the audit log as the tenant's owner reads it. No server imports: shared with the UI.
import { z } from "zod";
import { ZKeysetCursor } from "@/server/pagination/keyset-cursor";
import { AUDIT_ACTIONS, type AuditAction } from "./audit.actions";

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export const ZAuditListInput = z.object({
  cursor: ZKeysetCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  action: z.enum(AUDIT_ACTION_CODES).optional(),
});
export type TAuditListInput = z.infer<typeof ZAuditListInput>;

export const ZAuditRow = z.object({
  id: z.string(),
  action: z.string(),
  /** Human label from AUDIT_ACTIONS; the action code itself when the code is unknown. */
  label: z.string(),
  actorType: z.enum(["user", "platform_admin", "system"]),
  actorLabel: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  details: z.json().nullable(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditRow),
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
