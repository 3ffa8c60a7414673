// Keyset paging on (createdAt, id), newest first: the cursor is the last row of the previous
// page as "ISO_uuid". Pure zod: shared by list schemas and the UI.
import { z } from "zod";

export const ZKeysetCursor = z
  .string()
  .max(80)
  .transform((value, ctx) => {
    const [at, id, ...rest] = value.split("_");
    const createdAt = z.iso.datetime().safeParse(at);
    const uuid = z.uuid().safeParse(id);
    if (rest.length || !createdAt.success || !uuid.success) {
      ctx.addIssue({ code: "custom", message: "Not a cursor this list handed out" });
      return z.NEVER;
    }
    return { createdAt: new Date(createdAt.data), id: uuid.data };
  });

export function keysetCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}
