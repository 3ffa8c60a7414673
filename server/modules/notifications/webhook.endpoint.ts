// The providers' webhooks, on the tenant's host (the Host header names the tenant, as for every
// request): no session, no CSRF; authentication is the provider's own.
//   POST /api/whatsapp/fonnte/<secret>  Fonnte status and inbound chat. Fonnte signs nothing, so
//                                       the URL carries a per-tenant secret (Settings > WhatsApp).
//   GET  /api/whatsapp/cloud            the Cloud API's subscription handshake (hub.verify_token)
//   POST /api/whatsapp/cloud            Cloud API notifications, X-Hub-Signature-256 checked over
//                                       the raw body with the tenant's app secret.
// An edge: it makes the tenant's handle for the webhook service.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { forTenant } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { withJsonErrors } from "@/server/http/json";
import { readCapped } from "@/server/http/read-capped";
import { logger } from "@/server/log/logger";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { parseFonnteWebhook } from "./fonnte.adapter";
import { verifyCloudWebhook } from "./wa-cloud.adapter";
import { applyWebhookEvents } from "./webhook.service";
import { loadWebhookSecrets } from "./whatsapp-settings.service";

export const MAX_WEBHOOK_BYTES = 256 * 1024;
const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_WEBHOOK_BYTES });

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

async function tenantOf(request: Request): Promise<string> {
  const host = await resolveRequestHost(request.headers.get("host"));
  if (host.kind !== "tenant") throw new AppError("TENANT_NOT_FOUND");
  return host.tenant.id;
}

async function body(request: Request): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) throw tooLarge();
  return readCapped(request.body, MAX_WEBHOOK_BYTES, tooLarge);
}

export function handleFonnteWebhookRequest(request: Request, secret: string): Promise<Response> {
  return withJsonErrors(request, async ({ headers, requestId }) => {
    const tenantId = await tenantOf(request);
    const db = forTenant(tenantId);
    const { fonnteSecret } = await loadWebhookSecrets(db);
    if (!fonnteSecret || !same(fonnteSecret, secret)) throw new AppError("GATEWAY_SIGNATURE_INVALID", { provider: "fonnte" }, "notifications.errors.webhookSecret");
    const parsed = parseFonnteWebhook(await body(request));
    if (!parsed.ok) throw new AppError("VALIDATION_FAILED", { provider: "fonnte", reason: parsed.reason });
    const result = await applyWebhookEvents(db, "fonnte", parsed.events);
    logger().info({ request_id: requestId, tenant_id: tenantId, provider: "fonnte", ...result }, "whatsapp webhook");
    return Response.json({ status: true }, { headers });
  });
}

export function handleCloudWebhookRequest(request: Request): Promise<Response> {
  return withJsonErrors(request, async ({ headers, requestId }) => {
    const tenantId = await tenantOf(request);
    const db = forTenant(tenantId);
    const secrets = await loadWebhookSecrets(db);
    if (request.method === "GET") {
      const url = new URL(request.url);
      const token = url.searchParams.get("hub.verify_token") ?? "";
      if (url.searchParams.get("hub.mode") !== "subscribe" || !secrets.cloudVerifyToken || !same(secrets.cloudVerifyToken, token)) {
        throw new AppError("GATEWAY_SIGNATURE_INVALID", { provider: "wa_cloud" }, "notifications.errors.webhookSecret");
      }
      return new Response(url.searchParams.get("hub.challenge") ?? "", { headers: { ...headers, "content-type": "text/plain" } });
    }
    if (!secrets.cloudAppSecret) throw new AppError("GATEWAY_SIGNATURE_INVALID", { provider: "wa_cloud" }, "notifications.errors.webhookSecret");
    const verified = verifyCloudWebhook(secrets.cloudAppSecret, await body(request), request.headers);
    if (!verified.ok) {
      if (verified.reason === "bad_signature") throw new AppError("GATEWAY_SIGNATURE_INVALID", { provider: "wa_cloud" });
      throw new AppError("VALIDATION_FAILED", { provider: "wa_cloud", reason: verified.reason });
    }
    const result = await applyWebhookEvents(db, "wa_cloud", verified.events);
    logger().info({ request_id: requestId, tenant_id: tenantId, provider: "wa_cloud", ...result }, "whatsapp webhook");
    return Response.json({ success: true }, { headers });
  });
}
