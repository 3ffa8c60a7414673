// S3Storage over a real socket against a small S3-compatible endpoint (path-style PUT/GET/DELETE
// Object) that checks every request's SigV4 signature the way S3 does: recomputed from the
// request as received, with the secret it knows. A wrong secret is refused with 403.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex, signV4 } from "../sigv4";
import { S3Storage } from "../storage";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const objects = new Map<string, { body: Buffer; type: string }>();
let server: Server;
let endpoint: string;

function signatureOk(req: IncomingMessage, body: Buffer): boolean {
  const auth = req.headers.authorization ?? "";
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return false;
  const [, accessKeyId, , region, signed] = match;
  const hash = req.headers["x-amz-content-sha256"];
  if (hash !== sha256Hex(body)) return false;
  const headers = Object.fromEntries(signed!.split(";").map((h) => [h, String(req.headers[h] ?? "")]));
  const url = new URL(req.url!, `http://${req.headers.host}`);
  const expected = signV4({ method: req.method!, url, headers, payloadHash: hash }, { accessKeyId: accessKeyId!, secretAccessKey: SECRET, region: region!, service: "s3" }, String(req.headers["x-amz-date"]));
  return expected === auth;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (!signatureOk(req, body)) return res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
      if (req.method === "PUT") objects.set(key, { body, type: String(req.headers["content-type"]) });
      if (req.method === "DELETE") objects.delete(key);
      if (req.method === "GET") {
        const found = objects.get(key);
        return found ? res.writeHead(200, { "content-type": found.type }).end(found.body) : res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      }
      res.writeHead(req.method === "DELETE" ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const KEY = "0b9a3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/collection-photo/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b.jpg";

describe("S3Storage", () => {
  it("puts, gets and deletes an object with signed requests", async () => {
    const storage = new S3Storage({ endpoint, bucket: "rrnet-files", region: "ap-southeast-3", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await storage.put(KEY, bytes, "image/jpeg");
    expect(objects.get(`/rrnet-files/${KEY}`)).toEqual({ body: bytes, type: "image/jpeg" });
    expect(await storage.get(KEY)).toEqual(bytes);
    await storage.delete(KEY);
    expect(await storage.get(KEY)).toBeNull();
    await storage.delete(KEY); // already gone: not an error
  });

  it("fails loudly when the endpoint refuses the signature, and refuses keys outside the layout", async () => {
    const wrong = new S3Storage({ endpoint, bucket: "rrnet-files", region: "us-east-1", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "not-the-secret" });
    await expect(wrong.put(KEY, Buffer.from("x"), "image/jpeg")).rejects.toThrow(/HTTP 403/);
    await expect(wrong.get("../etc/passwd")).rejects.toThrow(/bad storage key/);
  });
});
