// Inputs and answers of the files module (uploads of photos and attachments). No server imports.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { MAX_UPLOAD_BYTES, UPLOAD_PURPOSES } from "./upload-rules";

export const ZUploadPurpose = z.enum(UPLOAD_PURPOSES);

/** A file as a data URL (`data:<type>;base64,…`); its bytes are checked again on the server. */
export const ZUploadInput = z.object({
  purpose: ZUploadPurpose,
  dataUrl: z
    .string()
    .regex(/^data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+$/, v("files.validation.notAFile"))
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 100, v("files.validation.tooLarge")),
});
export type TUploadInput = z.infer<typeof ZUploadInput>;

export const ZStoredFile = z.object({
  id: z.uuid(),
  purpose: ZUploadPurpose,
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Where the signed-in staff member's browser fetches it (GET, same host). */
  url: z.string(),
  createdAt: z.iso.datetime(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

/** The stored bytes (base64) for the serving route /api/files/<id>. */
export const ZFileContent = z.object({ id: z.uuid(), mime: z.string(), base64: z.string() });
export type TFileContent = z.infer<typeof ZFileContent>;
