// Shapes of a tenant's own settings: custom domains and the two-factor policy. No server
// imports: shared with the UI.
import { z } from "zod";
import { ZLocale } from "@/i18n/locales";

export const ZDomainInput = z.object({ domain: z.string().trim().min(1).max(260) });
export const ZDomainTarget = z.object({ domainId: z.uuid() });

export const ZVerificationRecord = z.object({
  /** TXT record name to create at the domain's DNS host. */
  name: z.string(),
  /** Its exact value. */
  value: z.string(),
});
export type TVerificationRecord = z.infer<typeof ZVerificationRecord>;

export const ZCustomDomain = z.object({
  id: z.uuid(),
  domain: z.string(),
  verifiedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  record: ZVerificationRecord,
});
export type TCustomDomain = z.infer<typeof ZCustomDomain>;

/** details of the VALIDATION_FAILED a verification without the record answers. */
export type TVerificationMismatch = { expected: TVerificationRecord; found: string[] };

export const ZSecurityPolicy = z.object({
  requireTwoFactor: z.boolean(),
  /** Active staff users who have not set up two-factor sign-in yet. */
  staffWithoutTwoFactor: z.number().int(),
  /** The first of them by name: who requiring it would stop until they set it up. */
  withoutTwoFactor: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.string() })),
  /** Whether the signed-in user has it set up (they must before requiring it from others). */
  selfHasTwoFactor: z.boolean(),
});
export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;

/** The ISP's default language (sign-in and status pages, users who chose none). */
export const ZLanguageSettings = z.object({ defaultLocale: ZLocale });
export type TLanguageSettings = z.infer<typeof ZLanguageSettings>;
