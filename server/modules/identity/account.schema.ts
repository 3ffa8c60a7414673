// Shapes of a signed-in account's own security (password, sessions, two-factor sign-in) and
// language, the same for a tenant's staff user and an RRNET operator. No server imports: the
// account forms validate with them too.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { ZLocale } from "@/i18n/locales";

/** A password someone chooses (argon2id-hashed by password.service.ts). */
export const ZPassword = z.string().min(10).max(200);

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZAccountSession = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type TAccountSession = z.infer<typeof ZAccountSession>;

export const ZRevokeSessionInput = z.object({ sessionId: z.uuid() });

export const ZTotpCode = z.string().trim().regex(/^\d{6}$/, v("account.validation.totpCode"));
/** A TOTP code or one of the recovery codes. */
export const ZSecondFactorCode = z.string().trim().min(6, v("account.validation.secondFactorCode")).max(40);

export const ZTwoFactorBegin = z.object({
  /** otpauth:// URI for authenticator apps. */
  uri: z.string(),
  /** The same URI as a QR code (PNG data URL). */
  qrDataUrl: z.string(),
  /** Base32 secret for typing in by hand. */
  secret: z.string(),
});
export type TTwoFactorBegin = z.infer<typeof ZTwoFactorBegin>;

export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

export const ZConfirmTwoFactorInput = z.object({ code: ZTotpCode });
export const ZRegenerateRecoveryCodesInput = z.object({ code: ZSecondFactorCode });

export const ZDisableTwoFactorInput = z.object({ password: z.string().min(1).max(200), code: ZSecondFactorCode });

export const TWO_FACTOR_REQUIRED_REASONS = ["required_by_tenant", "required_in_production"] as const;
export type TTwoFactorRequiredReason = (typeof TWO_FACTOR_REQUIRED_REASONS)[number];

export const ZTwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** Why it cannot be turned off (the ISP requires it of staff; operators in production), or null. */
  requiredReason: z.enum(TWO_FACTOR_REQUIRED_REASONS).nullable(),
});
export type TTwoFactorStatus = z.infer<typeof ZTwoFactorStatus>;

/** The account's own language; null follows the ISP's default (operators: Bahasa Indonesia). */
export const ZSetLocaleInput = z.object({ locale: ZLocale });
export const ZOwnLocale = z.object({ locale: ZLocale.nullable() });
export type TOwnLocale = z.infer<typeof ZOwnLocale>;
