// What an upload may be, per purpose: accepted types (checked by the bytes, not the name or the
// browser's word), the size limit, and whether images are resized. Pure.
export const UPLOAD_PURPOSES = ["collection_photo", "work_order_photo", "ticket_attachment"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** Decoded bytes; the data URL fits the 6 MB request body limit (server/http/node-fetch-bridge.ts). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
/** Photos are scaled to fit this box (longest side), never enlarged. */
export const MAX_IMAGE_SIDE = 1600;

export const ACCEPTED: Record<UploadPurpose, readonly string[]> = {
  collection_photo: IMAGE_TYPES,
  work_order_photo: IMAGE_TYPES,
  ticket_attachment: [...IMAGE_TYPES, "application/pdf"],
};

const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  "image/webp": (b) => String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  "application/pdf": (b) => String.fromCharCode(...b.subarray(0, 5)) === "%PDF-",
};

/** The type the bytes really are (of those we know), or null. */
export function sniffType(bytes: Uint8Array): string | null {
  for (const [mime, test] of Object.entries(MAGIC)) if (bytes.length >= 12 && test(bytes)) return mime;
  return null;
}
