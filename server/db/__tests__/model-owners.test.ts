// Every table has an owner (server/db/model-owners.mjs, which ESLint enforces): a new model
// without one fails here, as does an owner that is not a module.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { INFRA, MODEL_EXCEPTIONS, MODEL_OWNERS, SHARED } from "../model-owners.mjs";

const MODULES = readdirSync(path.resolve(import.meta.dirname, "../../modules"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("model owners", () => {
  it("name exactly the models of the schema", () => {
    expect(Object.keys(MODEL_OWNERS).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("are modules of server/modules (or shared / infra), and the exceptions name known models", () => {
    for (const [model, owners] of Object.entries(MODEL_OWNERS)) {
      if (owners === SHARED || owners === INFRA) continue;
      expect(owners.length, model).toBeGreaterThan(0);
      for (const owner of owners) expect(MODULES, `${model} -> ${owner}`).toContain(owner);
    }
    for (const exception of MODEL_EXCEPTIONS) for (const model of exception.models) expect(Object.keys(MODEL_OWNERS)).toContain(model);
  });
});
