// Shapes of the identity module. No server imports: shared with the UI.
import { z } from "zod";
import { ZLocale } from "@/i18n/locales";

export const ZMe = z.object({
  kind: z.enum(["tenant", "platform"]),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  twoFactorEnabled: z.boolean(),
  needsTwoFactorSetup: z.boolean(),
  /** Signed in with a generated password: must set their own before anything else. */
  needsPasswordChange: z.boolean(),
  capabilities: z.array(z.string()),
  /** The user's own language; null follows the tenant's default (operators: Bahasa Indonesia). */
  locale: ZLocale.nullable(),
});
export type TMe = z.infer<typeof ZMe>;

/** What the sign-in form sends (next-auth's credentials provider parses it again). */
export const ZSignInCredentials = z.object({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
  /** A TOTP code or a recovery code, once the account asks for the second step. */
  code: z.string().max(40).optional(),
});
export type TSignInCredentials = z.infer<typeof ZSignInCredentials>;
