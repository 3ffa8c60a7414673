// Uploaded images and documents arrive as data URLs; the bytes must be what the type claims
// (magic numbers) and within the size limit, or the upload is refused with a field error.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import type { ValidationKey } from "@/i18n/keys";

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/webp": (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
};

/** The decoded upload, or VALIDATION_FAILED on `field`. */
export function decodeUpload(dataUrl: string, field: string, maxBytes: number, messages: { type: ValidationKey; size: ValidationKey }): { mime: string; bytes: Buffer } {
  const match = /^data:([a-z/+.-]+);base64,(.+)$/.exec(dataUrl);
  const mime = match?.[1] ?? "";
  const bytes = Buffer.from(match?.[2] ?? "", "base64");
  if (!match || !MAGIC[mime]?.(bytes)) throw new AppError("VALIDATION_FAILED", { fields: { [field]: [messages.type] } });
  if (bytes.byteLength > maxBytes) throw new AppError("VALIDATION_FAILED", { fields: { [field]: [messages.size] } });
  return { mime, bytes };
}

export const toDataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
