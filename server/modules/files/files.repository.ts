// Prisma queries of the files module: the StoredFile rows (the bytes live in the storage).
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";

export function insertStoredFile(db: TenantScope, data: Omit<Prisma.StoredFileUncheckedCreateInput, "tenantId">) {
  return db.storedFile.create({ data: { ...data, tenantId: db.tenantId } });
}

export function findStoredFile(db: TenantScope, id: string) {
  return db.storedFile.findFirst({ where: { id } });
}
