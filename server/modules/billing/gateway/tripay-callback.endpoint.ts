// POST /api/payments/tripay/callback on a tenant's host: Tripay's server-to-server notice. The
// tenant is the one the Host header names (as for every request); the signature over the raw
// body is the authentication, so there is no session and no CSRF check. Answers
// `{"success": true}` when Tripay should stop retrying, `{error, code, details}` otherwise.
// An edge: it makes the tenant's handle and the callback's system actor for the gateway service.
import "server-only";
import { systemActor } from "@/server/actor/actor";
import { forTenant } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { withJsonErrors } from "@/server/http/json";
import { readCapped } from "@/server/http/read-capped";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { defaultDeps, handleCallback, TRIPAY_ACTOR, type GatewayDeps } from "./gateway.service";

/** Tripay's callback is a small JSON object; anything much larger is not one. */
export const MAX_CALLBACK_BYTES = 64 * 1024;
const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_CALLBACK_BYTES });

export function handleTripayCallbackRequest(request: Request, deps: GatewayDeps = defaultDeps): Promise<Response> {
  return withJsonErrors(request, async ({ requestId, headers }) => {
    const host = await resolveRequestHost(request.headers.get("host"));
    // A suspended ISP's customers' money is still recorded: Tripay retries only 3 times.
    if (host.kind !== "tenant") throw new AppError("TENANT_NOT_FOUND");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_CALLBACK_BYTES) throw tooLarge();
    const rawBody = await readCapped(request.body, MAX_CALLBACK_BYTES, tooLarge);
    const actor = systemActor(TRIPAY_ACTOR, { tenantId: host.tenant.id, requestId, ip: request.headers.get(CLIENT_IP_HEADER) });
    await handleCallback(forTenant(host.tenant.id), actor, { rawBody, headers: request.headers }, deps);
    return Response.json({ success: true }, { headers });
  });
}
