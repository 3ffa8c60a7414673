import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZFileContent, ZStoredFile, ZUploadInput } from "./files.schema";
import { getFile, readFileContent, uploadFile } from "./files.service";

const ZFileId = z.object({ id: z.uuid() });

export const filesRouter = router({
  /** A photo or attachment for a purpose; the bytes are checked, images resized, nothing kept on refusal. */
  upload: requireCapability("files.upload").input(ZUploadInput).output(ZStoredFile).mutation(({ ctx, input }) => uploadFile(ctx.db, ctx.actor, input)),
  get: requireCapability("files.read").input(ZFileId).output(ZStoredFile).query(({ ctx, input }) => getFile(ctx.db, input.id)),
  /** The bytes, for GET /api/files/<id> (app/api/files/[id]/route.ts). */
  content: requireCapability("files.read").input(ZFileId).output(ZFileContent).query(({ ctx, input }) => readFileContent(ctx.db, input.id)),
});
