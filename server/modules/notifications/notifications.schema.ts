// Inputs and outputs of the notifications module (WhatsApp settings, messages). No server imports.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { ZLocale } from "@/i18n/locales";
import { MESSAGE_KINDS } from "./message-templates";

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
    reminderDaysBefore: z.int().min(0).max(30).default(3),
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
  reminderDaysBefore: number;
};

export const ZMessageKind = z.enum(MESSAGE_KINDS);
export const ZMessageStatus = z.enum(MESSAGE_STATUSES);

/** A test message to a number the owner types (their own phone). */
export const ZSendTestInput = z.object({
  phone: z.string().trim().min(8, v("notifications.validation.phone")).max(20, v("notifications.validation.phone")).regex(/^\+?[\d\s-]+$/, v("notifications.validation.phone")),
  provider: ZWhatsAppProvider.optional(),
});
export type TSendTestInput = z.infer<typeof ZSendTestInput>;
export const ZSendTestResult = z.object({ status: z.enum(["sent", "failed"]), provider: ZWhatsAppProvider, reason: z.string().nullable() });
export type TSendTestResult = z.infer<typeof ZSendTestResult>;

// Templates: the ISP's own wording per kind and language, and the Cloud API mapping per kind.
export const ZTemplateBodyInput = z.object({ kind: ZMessageKind, locale: ZLocale, body: z.string().max(1500, v("notifications.validation.tooLong")) });
export type TTemplateBodyInput = z.infer<typeof ZTemplateBodyInput>;
export const ZTemplateTarget = z.object({ kind: ZMessageKind, locale: ZLocale });
export const ZCloudMappingInput = z.object({
  kind: ZMessageKind,
  name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, v("notifications.validation.cloudName")),
  parameters: z.array(z.string().trim().min(1)).max(20),
});
export type TCloudMappingInput = z.infer<typeof ZCloudMappingInput>;

export const ZTemplateView = z.object({
  kind: ZMessageKind,
  variables: z.array(z.string()),
  bodies: z.record(ZLocale, z.object({ body: z.string(), custom: z.boolean(), builtIn: z.string() })),
  cloud: z.object({ name: z.string(), parameters: z.array(z.string()), custom: z.boolean() }),
});
export type TTemplateView = z.infer<typeof ZTemplateView>;

export const ZPreviewInput = z.object({ kind: ZMessageKind, locale: ZLocale, body: z.string().max(1500) });
export const ZPreview = z.object({ text: z.string(), cloudParameters: z.array(z.string()) });

// The message log.
export const ZMessageListInput = z.object({
  customerId: z.uuid().optional(),
  kind: ZMessageKind.optional(),
  status: ZMessageStatus.optional(),
  /** Local calendar dates (tenant's zone), inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  broadcastId: z.uuid().optional(),
  invoiceId: z.uuid().optional(),
  /** Keyset cursor: the id of the last row of the previous page. */
  cursor: z.uuid().nullish(),
  limit: z.int().min(1).max(100).default(50),
});
export type TMessageListInput = z.infer<typeof ZMessageListInput>;

export const ZMessageRow = z.object({
  id: z.uuid(),
  kind: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  phone: z.string(),
  body: z.string(),
  status: ZMessageStatus,
  provider: ZWhatsAppProvider.nullable(),
  attempts: z.int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  /** A queued message held back (quiet hours, the tenant's throttle, a retry's backoff): not sent before this. */
  notBefore: z.string().nullable(),
  /** Failed, unknown or skipped for a reason that may have passed: staff may send it again. */
  resendable: z.boolean(),
});
export type TMessageRow = z.infer<typeof ZMessageRow>;
export const ZMessagePage = z.object({ items: z.array(ZMessageRow), nextCursor: z.uuid().nullable() });
export type TMessagePage = z.infer<typeof ZMessagePage>;
export const ZMessageTarget = z.object({ id: z.uuid() });

/** Staff send an invoice with its payment instructions; the key makes a double click one message. */
export const ZSendInvoiceInput = z.object({ invoiceId: z.uuid(), idempotencyKey: z.string().trim().min(8).max(100) });
export const ZSendInvoiceResult = z.object({ messageId: z.uuid().nullable(), status: ZMessageStatus.nullable(), replayed: z.boolean() });
/** What the invoice page offers: a gateway send, or a wa.me link when no gateway is set up. */
export const ZInvoiceShare = z.object({
  gateway: z.boolean(),
  phone: z.string().nullable(),
  text: z.string(),
  waMeUrl: z.string().nullable(),
  optedOut: z.boolean(),
});
export type TInvoiceShare = z.infer<typeof ZInvoiceShare>;

// Broadcasts.
export const CUSTOMER_AUDIENCE_STATUSES = ["active", "isolated", "prospect", "terminated"] as const;
export const ZAudienceFilter = z.object({
  statuses: z.array(z.enum(CUSTOMER_AUDIENCE_STATUSES)).min(1, v("notifications.validation.statusRequired")).default(["active", "isolated"]),
  packageId: z.uuid().nullish(),
  /** Part of the address (kampung, RT/RW, street) or of the area recorded on the customer's ODP. */
  area: z.string().trim().max(100).nullish(),
  /** Customers whose drop is on this ODP. */
  odpId: z.uuid().nullish(),
});
export type TAudienceFilter = z.infer<typeof ZAudienceFilter>;
export const ZAudiencePreview = z.object({ customers: z.int(), reachable: z.int(), noNumber: z.int(), optedOut: z.int() });
export type TAudiencePreview = z.infer<typeof ZAudiencePreview>;
export const ZBroadcastInput = z.object({
  filter: ZAudienceFilter,
  message: z.string().trim().min(1, v("notifications.validation.empty")).max(1000, v("notifications.validation.tooLong")),
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type TBroadcastInput = z.infer<typeof ZBroadcastInput>;
export const ZBroadcastRow = z.object({
  id: z.uuid(),
  message: z.string(),
  createdAt: z.string(),
  recipients: z.int(),
  progress: z.record(ZMessageStatus, z.int()),
  /** Of the skipped: the customer opted out, or has no WhatsApp number. */
  optedOut: z.int(),
  noNumber: z.int(),
});
export type TBroadcastRow = z.infer<typeof ZBroadcastRow>;

// The settings form: what an owner types (seconds, HH:MM, "none"), turned into the settings input.
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, v("notifications.validation.time"));
const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const minuteToClock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const seconds = z.number(v("notifications.validation.seconds")).min(0, v("notifications.validation.seconds")).max(600, v("notifications.validation.seconds"));
const count = (max: number) => z.int(v("notifications.validation.wholeNumber")).min(0, v("notifications.validation.wholeNumber")).max(max, v("notifications.validation.wholeNumber"));

export const ZWhatsAppSettingsForm = z
  .object({
    enabled: z.boolean(),
    primaryProvider: ZWhatsAppProvider,
    fallbackProvider: z.enum([...WHATSAPP_PROVIDERS, "none"]),
    fonnteToken: z.string().trim().max(500).optional(),
    cloudPhoneNumberId: z.string().trim().regex(/^(\d{5,30})?$/, v("notifications.validation.phoneNumberId")).optional(),
    cloudAccessToken: z.string().trim().max(500).optional(),
    cloudAppSecret: z.string().trim().max(500).optional(),
    cloudVerifyToken: z.string().trim().max(500).optional(),
    fonnteMinGapSeconds: seconds,
    fonnteMaxGapSeconds: seconds,
    fonnteDailyCap: count(100_000),
    cloudPerSecond: count(1000),
    quietStart: clock,
    quietEnd: clock,
    outageIgnoresQuietHours: z.boolean(),
    reminderDaysBefore: count(30),
  })
  .refine((f) => f.fonnteMaxGapSeconds >= f.fonnteMinGapSeconds, { path: ["fonnteMaxGapSeconds"], message: v("notifications.validation.maxGapBelowMin") })
  .refine((f) => f.fallbackProvider !== f.primaryProvider, { path: ["fallbackProvider"], message: v("notifications.validation.fallbackSameAsPrimary") })
  .transform(
    (f): TWhatsAppSettingsInput => ({
      enabled: f.enabled,
      primaryProvider: f.primaryProvider,
      fallbackProvider: f.fallbackProvider === "none" ? null : f.fallbackProvider,
      fonnteToken: f.fonnteToken || undefined,
      cloudPhoneNumberId: f.cloudPhoneNumberId || undefined,
      cloudAccessToken: f.cloudAccessToken || undefined,
      cloudAppSecret: f.cloudAppSecret || undefined,
      cloudVerifyToken: f.cloudVerifyToken || undefined,
      fonnteMinGapMs: Math.round(f.fonnteMinGapSeconds * 1000),
      fonnteMaxGapMs: Math.round(f.fonnteMaxGapSeconds * 1000),
      fonnteDailyCap: f.fonnteDailyCap,
      cloudPerSecond: f.cloudPerSecond,
      quietStartMinute: toMinute(f.quietStart),
      quietEndMinute: toMinute(f.quietEnd),
      outageIgnoresQuietHours: f.outageIgnoresQuietHours,
      reminderDaysBefore: f.reminderDaysBefore,
    }),
  );

/** The form's values for saved settings (secrets empty: "keep the current one"). */
export function settingsFormValues(s: TWhatsAppSettings | null): z.input<typeof ZWhatsAppSettingsForm> {
  return {
    enabled: s?.enabled ?? false,
    primaryProvider: s?.primaryProvider ?? "fonnte",
    fallbackProvider: s?.fallbackProvider ?? "none",
    fonnteToken: "",
    cloudPhoneNumberId: s?.cloud.phoneNumberId ?? "",
    cloudAccessToken: "",
    cloudAppSecret: "",
    cloudVerifyToken: "",
    fonnteMinGapSeconds: (s?.fonnteMinGapMs ?? 4000) / 1000,
    fonnteMaxGapSeconds: (s?.fonnteMaxGapMs ?? 9000) / 1000,
    fonnteDailyCap: s?.fonnteDailyCap ?? 1000,
    cloudPerSecond: s?.cloudPerSecond ?? 20,
    quietStart: minuteToClock(s?.quietStartMinute ?? 21 * 60),
    quietEnd: minuteToClock(s?.quietEndMinute ?? 7 * 60),
    outageIgnoresQuietHours: s?.outageIgnoresQuietHours ?? true,
    reminderDaysBefore: s?.reminderDaysBefore ?? 3,
  };
}

/** A customer's WhatsApp opt-out: replied BERHENTI/STOP, or staff recorded it on their request. */
export const ZCustomerTarget = z.object({ customerId: z.uuid() });
export const ZSetOptOutInput = z.object({ customerId: z.uuid(), optedOut: z.boolean() });
export const ZOptOutState = z.object({ phone: z.string().nullable(), optedOut: z.boolean(), source: z.enum(["inbound", "staff"]).nullable(), since: z.string().nullable() });
export type TOptOutState = z.infer<typeof ZOptOutState>;
