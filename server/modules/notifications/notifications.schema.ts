// Inputs and outputs of the notifications module (WhatsApp settings, messages). No server imports.
import { z } from "zod";
import { v } from "@/i18n/keys";

export const WHATSAPP_PROVIDERS = ["fonnte", "wa_cloud"] as const;
export const ZWhatsAppProvider = z.enum(WHATSAPP_PROVIDERS);
export type TWhatsAppProvider = z.infer<typeof ZWhatsAppProvider>;

export const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "read", "failed", "unknown", "skipped"] as const;
export type TMessageStatus = (typeof MESSAGE_STATUSES)[number];

const minute = z.int().min(0).max(1439);
/** A secret field: empty or absent keeps the stored one. */
const secret = z.string().trim().max(500).optional();

export const ZWhatsAppSettingsInput = z
  .object({
    enabled: z.boolean(),
    primaryProvider: ZWhatsAppProvider,
    fallbackProvider: ZWhatsAppProvider.nullable(),
    fonnteToken: secret,
    cloudPhoneNumberId: z.string().trim().regex(/^\d{5,30}$/).optional(),
    cloudAccessToken: secret,
    cloudAppSecret: secret,
    cloudVerifyToken: secret,
    fonnteMinGapMs: z.int().min(0).max(600_000).default(4000),
    fonnteMaxGapMs: z.int().min(0).max(600_000).default(9000),
    fonnteDailyCap: z.int().min(0).max(100_000).default(1000),
    cloudPerSecond: z.int().min(0).max(1000).default(20),
    quietStartMinute: minute.default(21 * 60),
    quietEndMinute: minute.default(7 * 60),
    outageIgnoresQuietHours: z.boolean().default(true),
  })
  .refine((s) => s.fonnteMaxGapMs >= s.fonnteMinGapMs, { path: ["fonnteMaxGapMs"], message: v("notifications.validation.maxGapBelowMin") })
  .refine((s) => s.fallbackProvider !== s.primaryProvider, { path: ["fallbackProvider"], message: v("notifications.validation.fallbackSameAsPrimary") });
export type TWhatsAppSettingsInput = z.input<typeof ZWhatsAppSettingsInput>;

export type TWhatsAppSettings = {
  enabled: boolean;
  primaryProvider: TWhatsAppProvider;
  fallbackProvider: TWhatsAppProvider | null;
  fonnte: { configured: boolean; tokenLast4: string | null; webhookUrl: string | null };
  cloud: { configured: boolean; phoneNumberId: string | null; accessTokenLast4: string | null; webhookUrl: string };
  fonnteMinGapMs: number;
  fonnteMaxGapMs: number;
  fonnteDailyCap: number;
  cloudPerSecond: number;
  quietStartMinute: number;
  quietEndMinute: number;
  outageIgnoresQuietHours: boolean;
};
