// Fonnte's status and inbound-chat webhooks for the tenant of this host (server/modules/notifications/webhook.endpoint.ts).
import { handleFonnteWebhookRequest } from "@/server/modules/notifications/webhook.endpoint";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  return handleFonnteWebhookRequest(request, (await params).secret);
}
