// A tenant's WhatsApp gateways: which provider sends (and which takes over when it cannot),
// their credentials (sealed at rest with secret-box, never returned or logged: only the last 4
// characters are shown), the webhook addresses to paste at the provider, throttles and quiet hours.
import "server-only";
import { randomBytes } from "node:crypto";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { open, seal } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { tenantOrigin } from "@/server/modules/billing/gateway/gateway.service";
import { findSettings, upsertSettings, type SettingsRecord } from "./notifications.repository";
import { ZWhatsAppSettingsInput, type TWhatsAppProvider, type TWhatsAppSettings, type TWhatsAppSettingsInput } from "./notifications.schema";
import type { CloudCredentials, FonnteCredentials, ProviderCredentials } from "./whatsapp-provider";

export const FONNTE_WEBHOOK_PATH = "/api/whatsapp/fonnte";
export const CLOUD_WEBHOOK_PATH = "/api/whatsapp/cloud";

const last4 = (sealed: string | null) => (sealed ? open(sealed).slice(-4) : null);

export type SettingsDeps = { tenantOrigin: (slug: string) => string };
export const defaultSettingsDeps: SettingsDeps = { tenantOrigin };

function view(row: SettingsRecord | null, origin: string): TWhatsAppSettings | null {
  if (!row) return null;
  return {
    enabled: row.enabled,
    primaryProvider: row.primaryProvider,
    fallbackProvider: row.fallbackProvider,
    fonnte: {
      configured: row.fonnteTokenSealed !== null,
      tokenLast4: last4(row.fonnteTokenSealed),
      webhookUrl: row.fonnteWebhookSecretSealed ? `${origin}${FONNTE_WEBHOOK_PATH}/${open(row.fonnteWebhookSecretSealed)}` : null,
    },
    cloud: {
      configured: row.cloudAccessTokenSealed !== null && row.cloudPhoneNumberId !== null && row.cloudAppSecretSealed !== null,
      phoneNumberId: row.cloudPhoneNumberId,
      accessTokenLast4: last4(row.cloudAccessTokenSealed),
      webhookUrl: `${origin}${CLOUD_WEBHOOK_PATH}`,
    },
    fonnteMinGapMs: row.fonnteMinGapMs,
    fonnteMaxGapMs: row.fonnteMaxGapMs,
    fonnteDailyCap: row.fonnteDailyCap,
    cloudPerSecond: row.cloudPerSecond,
    quietStartMinute: row.quietStartMinute,
    quietEndMinute: row.quietEndMinute,
    outageIgnoresQuietHours: row.outageIgnoresQuietHours,
    reminderDaysBefore: row.reminderDaysBefore,
  };
}

async function originOf(db: TenantDb, deps: SettingsDeps): Promise<string> {
  const tenant = await db.tenant.findFirstOrThrow({ select: { slug: true } });
  return deps.tenantOrigin(tenant.slug);
}

export async function getWhatsAppSettings(db: TenantDb, deps: SettingsDeps = defaultSettingsDeps): Promise<TWhatsAppSettings | null> {
  const [row, origin] = await Promise.all([findSettings(db), originOf(db, deps)]);
  return view(row, origin);
}

export async function saveWhatsAppSettings(db: TenantDb, actor: UserActor, input: TWhatsAppSettingsInput, deps: SettingsDeps = defaultSettingsDeps): Promise<TWhatsAppSettings> {
  const s = ZWhatsAppSettingsInput.parse(input);
  const existing = await findSettings(db);
  const sealedOr = (plain: string | undefined, kept: string | null | undefined) => (plain ? seal(plain) : (kept ?? null));
  const data = {
    enabled: s.enabled,
    primaryProvider: s.primaryProvider,
    fallbackProvider: s.fallbackProvider,
    fonnteTokenSealed: sealedOr(s.fonnteToken, existing?.fonnteTokenSealed),
    fonnteWebhookSecretSealed: existing?.fonnteWebhookSecretSealed ?? seal(randomBytes(24).toString("base64url")),
    cloudPhoneNumberId: s.cloudPhoneNumberId ?? existing?.cloudPhoneNumberId ?? null,
    cloudAccessTokenSealed: sealedOr(s.cloudAccessToken, existing?.cloudAccessTokenSealed),
    cloudAppSecretSealed: sealedOr(s.cloudAppSecret, existing?.cloudAppSecretSealed),
    cloudVerifyTokenSealed: sealedOr(s.cloudVerifyToken, existing?.cloudVerifyTokenSealed),
    fonnteMinGapMs: s.fonnteMinGapMs,
    fonnteMaxGapMs: s.fonnteMaxGapMs,
    fonnteDailyCap: s.fonnteDailyCap,
    cloudPerSecond: s.cloudPerSecond,
    quietStartMinute: s.quietStartMinute,
    quietEndMinute: s.quietEndMinute,
    outageIgnoresQuietHours: s.outageIgnoresQuietHours,
    reminderDaysBefore: s.reminderDaysBefore,
  };
  // A provider in use must have its credentials, or messages would fail one by one.
  for (const provider of [s.primaryProvider, s.fallbackProvider].filter((p): p is TWhatsAppProvider => p !== null)) {
    const missing = provider === "fonnte" ? !data.fonnteTokenSealed : !data.cloudAccessTokenSealed || !data.cloudPhoneNumberId || !data.cloudAppSecretSealed;
    if (s.enabled && missing) throw new AppError("VALIDATION_FAILED", { provider, fields: {} }, "notifications.errors.credentialsMissing");
  }
  await upsertSettings(db, data);
  await recordAudit(db, actor, {
    action: "whatsapp.configured",
    // Which secrets changed, never the secrets.
    details: {
      enabled: s.enabled,
      primaryProvider: s.primaryProvider,
      fallbackProvider: s.fallbackProvider,
      fonnteTokenChanged: Boolean(s.fonnteToken),
      cloudAccessTokenChanged: Boolean(s.cloudAccessToken),
      cloudAppSecretChanged: Boolean(s.cloudAppSecret),
    },
  });
  return (await getWhatsAppSettings(db, deps))!;
}

/** What sending needs: the settings row and each provider's opened credentials (null when absent). */
export type SendConfig = { settings: SettingsRecord; credentials: Record<TWhatsAppProvider, ProviderCredentials | null> };

export async function loadSendConfig(db: TenantScope): Promise<SendConfig | null> {
  const settings = await findSettings(db);
  if (!settings) return null;
  const fonnte: FonnteCredentials | null = settings.fonnteTokenSealed ? { provider: "fonnte", token: open(settings.fonnteTokenSealed) } : null;
  const cloud: CloudCredentials | null =
    settings.cloudAccessTokenSealed && settings.cloudPhoneNumberId && settings.cloudAppSecretSealed
      ? { provider: "wa_cloud", phoneNumberId: settings.cloudPhoneNumberId, accessToken: open(settings.cloudAccessTokenSealed), appSecret: open(settings.cloudAppSecretSealed) }
      : null;
  return { settings, credentials: { fonnte, wa_cloud: cloud } };
}

/** The Fonnte webhook secret and the Cloud verify token / app secret, for the webhook endpoints. */
export async function loadWebhookSecrets(db: TenantScope): Promise<{ fonnteSecret: string | null; cloudAppSecret: string | null; cloudVerifyToken: string | null }> {
  const row = await findSettings(db);
  return {
    fonnteSecret: row?.fonnteWebhookSecretSealed ? open(row.fonnteWebhookSecretSealed) : null,
    cloudAppSecret: row?.cloudAppSecretSealed ? open(row.cloudAppSecretSealed) : null,
    cloudVerifyToken: row?.cloudVerifyTokenSealed ? open(row.cloudVerifyTokenSealed) : null,
  };
}
