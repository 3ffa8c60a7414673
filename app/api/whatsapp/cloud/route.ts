// The WhatsApp Cloud API's webhook for the tenant of this host: GET handshake, POST notifications
// (server/modules/notifications/webhook.endpoint.ts).
import { handleCloudWebhookRequest } from "@/server/modules/notifications/webhook.endpoint";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleCloudWebhookRequest(request);
}

export function POST(request: Request) {
  return handleCloudWebhookRequest(request);
}
