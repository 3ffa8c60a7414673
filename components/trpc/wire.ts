// The tRPC wire carries our stable string error code in `error.code` ({ error, code, details },
// readable by any HTTP client); the tRPC JS client only accepts JSON-RPC's numeric code there
// and otherwise fails with "Unable to transform response from server". This fetch puts the
// number (sent as data.rpcCode) back for the JS client; the string stays in data.code.
type ErrorItem = { error?: { code?: unknown; data?: { rpcCode?: unknown } } };

function toRpcCodes(item: unknown): unknown {
  const error = (item as ErrorItem | null)?.error;
  if (!error || typeof error.code !== "string") return item;
  const rpcCode = typeof error.data?.rpcCode === "number" ? error.data.rpcCode : -32603;
  return { ...(item as object), error: { ...error, code: rpcCode } };
}

export async function trpcFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response.json();
  const mapped = Array.isArray(body) ? body.map(toRpcCodes) : toRpcCodes(body);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(JSON.stringify(mapped), { status: response.status, statusText: response.statusText, headers });
}
