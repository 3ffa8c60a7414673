// The schema keeps the tenancy conventions that the scope extension relies on.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tenantModels } from "@/server/db";
import { closeDb } from "@/server/db/unsafe-system-db";

const schema = readFileSync("prisma/schema.prisma", "utf8");
const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1]!, body: m[2]! }));
const owned = new Set(models.filter((m) => /^\s+tenantId\s/m.test(m.body)).map((m) => m.name));

afterAll(() => closeDb());

describe("schema conventions", () => {
  it("the scope extension knows exactly the models that have a tenantId", () => {
    expect([...tenantModels()].sort()).toEqual([...owned].sort());
  });

  it("relations between tenant-owned models use compound (tenantId, …) foreign keys", () => {
    for (const model of models.filter((m) => owned.has(m.name))) {
      for (const [, target, fields] of model.body.matchAll(/^\s+\w+\s+(\w+)\??\s+@relation\([^)]*fields:\s*\[([^\]]+)\]/gm)) {
        if (!owned.has(target!)) continue;
        expect({ model: model.name, target, fields: fields!.split(",").map((f) => f.trim())[0] }).toEqual({ model: model.name, target, fields: "tenantId" });
      }
    }
  });

  it("unique constraints of tenant-owned models include tenantId", () => {
    // RRNET's own ledger of its tenants is numbered and scanned across RRNET, by design.
    // A NAS's address is how FreeRADIUS tells tenants apart, so it is unique across RRNET.
    const acrossTenants = new Set(["SaasInvoice:year", "SaasInvoice:status", "SaasPayment:idempotencyKey", "RadiusNas:nasname"]);
    for (const model of models.filter((m) => owned.has(m.name))) {
      for (const [, fields] of model.body.matchAll(/@@(?:unique|index)\(\[([^\]]+)\]/g)) {
        if (acrossTenants.has(`${model.name}:${fields!.split(",")[0]!.trim()}`)) continue;
        expect({ model: model.name, first: fields!.split(",")[0]!.trim() }).toEqual({ model: model.name, first: "tenantId" });
      }
      const singleUniques = [...model.body.matchAll(/^\s+(\w+)\s+\S+.*@unique/gm)].map((m) => m[1]);
      // Only TenantDomain.domain is globally unique by design: a domain belongs to one tenant.
      expect(singleUniques.filter((f) => !(model.name === "TenantDomain" && f === "domain") && !acrossTenants.has(`${model.name}:${f}`))).toEqual([]);
    }
  });
});
