// Shapes of a signed-in account's own security (password, sessions, two-factor sign-in), the
// same for a tenant's staff user and an RRNET operator. Shared with the UI (forms validate with them).
import { z } from "zod";

/** A new password: what staff, operators and generated passwords must satisfy. */
export const ZPassword = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
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

export const ZTotpCode = z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");
/** A TOTP code or one of the recovery codes. */
export const ZSecondFactorCode = z.string().trim().min(6, "Enter a code").max(40);

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

export const ZDisableTwoFactorInput = z.object({ password: z.string().min(1, "Enter your password").max(200), code: ZSecondFactorCode });

export const ZTwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** Why it cannot be turned off (the ISP requires it of staff; operators in production), or null. */
  requiredReason: z.string().nullable(),
});
export type TTwoFactorStatus = z.infer<typeof ZTwoFactorStatus>;
