// Uploads of photos and attachments: the bytes are checked (type by magic bytes, size), images
// resized with their EXIF position read, written to the storage, then the row; if the row cannot
// be written the object is removed again, so a refused or failed upload leaves nothing behind.
import "server-only";
import { randomUUID } from "node:crypto";
import type { TenantDb, TenantScope } from "@/server/db";
import type { UserActor } from "@/server/actor/actor";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { TFileContent, TStoredFile, TUploadInput } from "./files.schema";
import { findStoredFile, insertStoredFile } from "./files.repository";
import { processImage } from "./image";
import { fileStorage, type FileStorage } from "./storage";
import { ACCEPTED, IMAGE_TYPES, MAX_UPLOAD_BYTES, sniffType, type UploadPurpose } from "./upload-rules";

const EXT: Record<string, string> = { "image/jpeg": "jpg", "application/pdf": "pdf" };
const refuse = (key: "notAFile" | "typeNotAllowed" | "tooLarge" | "unreadableImage", details: Record<string, unknown> = {}) =>
  new AppError("VALIDATION_FAILED", { ...details, fields: { dataUrl: [`files.validation.${key}`] } });

type Row = NonNullable<Awaited<ReturnType<typeof findStoredFile>>>;
const toFile = (row: Row): TStoredFile => ({
  id: row.id,
  purpose: row.purpose as UploadPurpose,
  mime: row.mime,
  size: row.size,
  width: row.width,
  height: row.height,
  latitude: row.latitude,
  longitude: row.longitude,
  url: `/api/files/${row.id}`,
  createdAt: row.createdAt.toISOString(),
});

/** Stores one upload for the actor's tenant; VALIDATION_FAILED on `dataUrl` for a bad one. */
export async function uploadFile(db: TenantDb, actor: UserActor, input: TUploadInput, storage: FileStorage = fileStorage()): Promise<TStoredFile> {
  const bytes = Buffer.from(input.dataUrl.slice(input.dataUrl.indexOf(",") + 1), "base64");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw refuse("tooLarge", { maxBytes: MAX_UPLOAD_BYTES });
  const sniffed = sniffType(bytes);
  if (!sniffed) throw refuse("notAFile");
  if (!ACCEPTED[input.purpose].includes(sniffed)) throw refuse("typeNotAllowed");

  let stored: { bytes: Buffer; mime: string; width: number | null; height: number | null; latitude: number | null; longitude: number | null };
  if ((IMAGE_TYPES as readonly string[]).includes(sniffed)) {
    const image = await processImage(bytes);
    if (!image) throw refuse("unreadableImage");
    stored = image;
  } else {
    stored = { bytes, mime: sniffed, width: null, height: null, latitude: null, longitude: null };
  }

  const id = randomUUID();
  const key = `${db.tenantId}/${input.purpose.replaceAll("_", "-")}/${id}.${EXT[stored.mime]}`;
  await storage.put(key, stored.bytes, stored.mime);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await insertStoredFile(tx, {
        id,
        purpose: input.purpose,
        key,
        mime: stored.mime,
        size: stored.bytes.byteLength,
        width: stored.width,
        height: stored.height,
        latitude: stored.latitude,
        longitude: stored.longitude,
        uploadedById: actor.userId,
      });
      await recordAudit(tx, actor, { action: "file.uploaded", target: { type: "file", id }, details: { purpose: input.purpose, mime: stored.mime, size: stored.bytes.byteLength } });
      return created;
    });
    return toFile(row);
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** The file's facts (NOT_FOUND outside the tenant). */
export async function getFile(db: TenantScope, id: string): Promise<TStoredFile> {
  const row = await findStoredFile(db, id);
  if (!row) throw new AppError("NOT_FOUND", { fileId: id }, "files.errors.fileNotFound");
  return toFile(row);
}

/** The file's bytes for serving, base64 (NOT_FOUND outside the tenant or when the object is gone). */
export async function readFileContent(db: TenantScope, id: string, storage: FileStorage = fileStorage()): Promise<TFileContent> {
  const row = await findStoredFile(db, id);
  const bytes = row ? await storage.get(row.key) : null;
  if (!row || !bytes) throw new AppError("NOT_FOUND", { fileId: id }, "files.errors.fileNotFound");
  return { id: row.id, mime: row.mime, base64: bytes.toString("base64") };
}
