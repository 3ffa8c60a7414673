// "Contains this text" for Prisma filters. Prisma passes `contains` to LIKE as it is, so a `%`
// or `_` the user typed would match anything; they (and the escape character) are escaped here.
import "server-only";

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A filter for columns that contain `text`, case-insensitively unless told otherwise. */
export function containsText(text: string, mode: "insensitive" | "default" = "insensitive") {
  return { contains: escapeLike(text), mode } as const;
}
