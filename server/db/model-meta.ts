// What the tenant scope needs to know about the schema, read once from the generated client:
// which models are tenant-owned (have a `tenantId` column) and where each relation points.
import "server-only";
import { Prisma } from "@/server/db/generated/client";

export type ModelMeta = {
  /** Models with a tenantId column. */
  tenantOwned: ReadonlySet<string>;
  /** model -> relation field -> target model */
  relations: ReadonlyMap<string, ReadonlyMap<string, string>>;
};

type RuntimeDataModel = { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> };

export function readModelMeta(client: unknown): ModelMeta {
  const tenantOwned = new Set<string>();
  for (const model of Object.values(Prisma.ModelName)) {
    const scalars = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
    if (scalars && "tenantId" in scalars) tenantOwned.add(model);
  }
  // The generated client carries its data model (fields with kind "object" are relations).
  const dataModel = (client as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
  if (!dataModel) throw new Error("Prisma client has no runtime data model: tenant scoping cannot be set up");
  const relations = new Map<string, Map<string, string>>();
  for (const [model, { fields }] of Object.entries(dataModel.models)) {
    relations.set(model, new Map(fields.filter((f) => f.kind === "object").map((f) => [f.name, f.type])));
  }
  return { tenantOwned, relations };
}
