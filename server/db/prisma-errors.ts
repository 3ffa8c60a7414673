// Recognising Prisma's known request errors by code, without importing Prisma's runtime.
import "server-only";

function prismaCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** A unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

/** A foreign-key violation (P2003): another row still references this one. */
export function isForeignKeyViolation(error: unknown): boolean {
  return prismaCode(error) === "P2003";
}

/** The row to update or delete does not exist (in this tenant): P2025. */
export function isRecordNotFound(error: unknown): boolean {
  return prismaCode(error) === "P2025";
}
