// Uploaded images and documents arrive as data URLs; the bytes must be what the type claims
// (magic numbers) and within the size limit, or the upload is refused with a field error.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import type { ValidationKey } from "@/i18n/keys";
import { sniffType } from "@/server/modules/files/upload-rules";

/** The decoded upload, or VALIDATION_FAILED on `field`. */
export function decodeUpload(dataUrl: string, field: string, maxBytes: number, messages: { type: ValidationKey; size: ValidationKey }): { mime: string; bytes: Buffer } {
  const match = /^data:([a-z/+.-]+);base64,(.+)$/.exec(dataUrl);
  const mime = match?.[1] ?? "";
  const bytes = Buffer.from(match?.[2] ?? "", "base64");
  if (!match || sniffType(bytes) !== mime) throw new AppError("VALIDATION_FAILED", { fields: { [field]: [messages.type] } });
  if (bytes.byteLength > maxBytes) throw new AppError("VALIDATION_FAILED", { fields: { [field]: [messages.size] } });
  return { mime, bytes };
}

export const toDataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
