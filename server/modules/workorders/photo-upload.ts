// A work-order photo arrives as a data URL from the phone (already resized there); the bytes must
// be a JPEG, PNG or WebP by their magic numbers and at most PHOTO_MAX_BYTES, or VALIDATION_FAILED.
import "server-only";
import { AppError } from "@/server/errors/app-error";

export const PHOTO_MAX_BYTES = 3 * 1024 * 1024;

const IMAGE_MAGIC: Record<string, (b: Buffer) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  "image/webp": (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

export function decodePhoto(dataUrl: string): { mime: string; bytes: Buffer } {
  const match = /^data:(image\/[a-z]+);base64,(.+)$/.exec(dataUrl);
  const mime = match?.[1] ?? "";
  const bytes = Buffer.from(match?.[2] ?? "", "base64");
  if (!match || !IMAGE_MAGIC[mime]?.(bytes)) throw new AppError("VALIDATION_FAILED", { fields: { dataUrl: ["workorders.validation.photoType"] } });
  if (bytes.byteLength > PHOTO_MAX_BYTES) throw new AppError("VALIDATION_FAILED", { fields: { dataUrl: ["workorders.validation.photoTooLarge"] }, maxBytes: PHOTO_MAX_BYTES });
  return { mime, bytes };
}
