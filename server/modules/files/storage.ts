// The one storage interface for photos and attachments: objects by key, bytes in, bytes out.
// Local disk (default, under the state directory) or an S3-compatible bucket over its REST API
// signed with SigV4 (sigv4.ts). Keys always start with the tenant id, so no two tenants share one.
import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { randomUUID } from "node:crypto";
import { env } from "@/server/config/env";
import { amzDate, sha256Hex, signV4, uriEncode } from "./sigv4";

export interface FileStorage {
  put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[a-z0-9-]+\/[0-9a-f-]{36}\.[a-z]{3,4}$/;
function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
}

/** Files under `root`; written to a temporary name and renamed, so a crash leaves no half file. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private path(key: string) {
    checkKey(key);
    const path = resolve(this.root, ...key.split("/"));
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`bad storage key ${key}`);
    return path;
  }
  async put(key: string, bytes: Buffer) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomUUID()}.part`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
  async get(key: string) {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
}

export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** An S3-compatible bucket (AWS S3, MinIO, R2, Wasabi…): path-style PUT/GET/DELETE Object, SigV4-signed. */
export class S3Storage implements FileStorage {
  constructor(private readonly config: S3Config, private readonly fetchImpl: typeof fetch = fetch) {}

  private async send(method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer, mime?: string): Promise<Response> {
    checkKey(key);
    const base = this.config.endpoint.replace(/\/+$/, "");
    const url = new URL(`${base}/${uriEncode(this.config.bucket, false)}/${uriEncode(key, true)}`);
    const at = amzDate(new Date());
    const payloadHash = sha256Hex(body ?? "");
    const headers: Record<string, string> = { host: url.host, "x-amz-content-sha256": payloadHash, "x-amz-date": at };
    if (mime) headers["content-type"] = mime;
    const authorization = signV4(
      { method, url, headers, payloadHash },
      { accessKeyId: this.config.accessKeyId, secretAccessKey: this.config.secretAccessKey, region: this.config.region, service: "s3" },
      at,
    );
    const { host: _host, ...sent } = headers;
    return this.fetchImpl(url, { method, headers: { ...sent, authorization }, body: body ? new Uint8Array(body) : undefined });
  }

  async put(key: string, bytes: Buffer, mime: string) {
    const res = await this.send("PUT", key, bytes, mime);
    if (!res.ok) throw new Error(`S3 PUT ${key}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  }
  async get(key: string) {
    const res = await this.send("GET", key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
  async delete(key: string) {
    const res = await this.send("DELETE", key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key}: HTTP ${res.status}`);
  }
}

let configured: FileStorage | undefined;
/** The storage the environment names (FILE_STORAGE), built once per process. */
export function fileStorage(): FileStorage {
  if (configured) return configured;
  const e = env();
  configured =
    e.FILE_STORAGE === "s3"
      ? new S3Storage({ endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! })
      : new LocalDiskStorage(e.FILE_STORAGE_DIR ?? join(e.RRNET_STATE_DIR, "files"));
  return configured;
}
