// What an end customer sees of their own account in the client portal, and how they sign in.
// No server imports.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { ZCustomerBalance, ZInvoiceRow } from "@/server/modules/billing/billing.schema";
import { ZPassword } from "@/server/modules/identity/account.schema";

// ---- sign-in

/** A customer number (C-000042, 42) or the WhatsApp number on file (08…, +62…). */
export const ZPortalLogin = z.string().trim().min(1, v("portal.validation.login")).max(40, v("portal.validation.login"));
export const ZPortalCodeRequest = z.object({ login: ZPortalLogin });
export type TPortalCodeRequest = z.infer<typeof ZPortalCodeRequest>;
export const ZPortalCodeSent = z.object({ challengeId: z.uuid(), validMinutes: z.int() });
export type TPortalCodeSent = z.infer<typeof ZPortalCodeSent>;
export const ZPortalCode = z.string().trim().regex(/^\d{6}$/, v("portal.validation.code"));
export const ZPortalCodeForm = z.object({ code: ZPortalCode });
export const ZPortalPasswordForm = z.object({ login: ZPortalLogin, password: z.string().min(1, v("portal.validation.password")).max(200) });
/** What next-auth's "portal" provider accepts: a code for a challenge, or login + password. */
export const ZPortalSignInCredentials = z.union([z.object({ challengeId: z.uuid(), code: ZPortalCode }), ZPortalPasswordForm]);
export const ZPortalSetPassword = z.object({ password: ZPassword });

// ---- account

export const ZPortalSubscription = z.object({
  id: z.uuid(),
  packageName: z.string(),
  speedDownKbps: z.int(),
  speedUpKbps: z.int(),
  status: z.string(),
  startDate: z.iso.date(),
});

export const ZPortalMe = z.object({
  customerId: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: z.enum(["prospect", "active", "isolated", "terminated"]),
  balance: ZCustomerBalance,
  /** While isolated: why, since when, and the oldest overdue invoice's due date. */
  isolation: z.object({ reason: z.string(), since: z.string().nullable(), oldestDueDate: z.iso.date().nullable() }).nullable(),
  subscriptions: z.array(ZPortalSubscription),
});
export type TPortalMe = z.infer<typeof ZPortalMe>;

export const ZPortalInvoices = z.object({ rows: z.array(ZInvoiceRow) });

export const ZPortalService = z.object({ subscriptions: z.array(ZPortalSubscription) });
export type TPortalService = z.infer<typeof ZPortalService>;
