// Serves a fetch-style handler (Request -> Response) on Node's http server, with a body cap.
import "server-only";
import type http from "node:http";
import { AppError } from "@/server/errors/app-error";

/** The largest API body: a 5 MB customer CSV import plus its JSON envelope. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** Reads the body, refusing more than MAX_BODY_BYTES whatever Content-Length claims. */
async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_BODY_BYTES });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.destroy();
      throw new AppError("PAYLOAD_TOO_LARGE", { maxBytes: MAX_BODY_BYTES });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function toFetchRequest(req: http.IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method, headers, body: body ? new Uint8Array(body) : undefined });
}

export async function sendFetchResponse(response: Response, res: http.ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  const body = Buffer.from(await response.arrayBuffer());
  res.setHeader("content-length", body.length);
  res.end(body);
}
