// Property: no input makes a procedure answer INTERNAL. Every procedure of the app router is fed
// inputs generated around its zod input schema (valid-looking values from its JSON Schema, edge
// values — NUL bytes, %/_ wildcards, year 0000, huge numbers —, and anything at all), as a
// signed-in owner (tenant procedures) or operator (platform ones), with a fresh session wherever a
// call could sign its caller out, so that one call cannot shorten the walk. Whatever the outcome
// (data, validation, not found, conflict) it is never an unexpected error. Connections leave
// loopback nowhere.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors/app-error";
import { toAppError } from "@/server/trpc/errors";
import type { ProcedureMeta } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { platformCaller, tenantCaller, userWithRole, type summaryOf } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { refuseNonLoopbackConnections } from "@/server/testing/loopback-only";

const RUNS_PER_PROCEDURE = 12;

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
};

/** Strings users and attackers type that are still strings: the edge cases of the hardening issue. */
const EDGE_STRINGS = ["", " ", "\u0000", "a\u0000b", "%", "_", "%_%", "0000-01", "0000-00-00", "9999-12-31T23:59:59Z", "'; DROP TABLE x; --", "=1+1", "x;=1+1", "🙂", "a".repeat(5000)];
const EDGE_NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, 1e21, 0.5];

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const valid = (() => {
    switch (s.format) {
      case "uuid":
        return fc.uuid();
      case "email":
        return fc.emailAddress();
      case "date-time":
        return fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
      case "date":
        return fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      case "uri":
      case "url":
        return fc.webUrl();
    }
    if (s.pattern) {
      try {
        return fc.stringMatching(new RegExp(s.pattern));
      } catch {
        // A pattern JavaScript cannot compile here: fall through to plain strings.
      }
    }
    return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
  })();
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 1 });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e9);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e9);
  const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  const valid = integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 1 });
}

/** Values shaped by the schema (mostly valid), with edge values mixed in at every level. */
function fromSchema(s: JsonSchema | boolean | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (s === undefined || s === true || depth > 6) return fc.anything({ maxDepth: 2 });
  if (s === false) return fc.constant(undefined);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => fromSchema(u, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fromSchema({ ...s, type: t }, depth)));
  switch (type[0]) {
    case "string":
      return stringArbitrary(s);
    case "integer":
      return numberArbitrary(s, true);
    case "number":
      return numberArbitrary(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fromSchema(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 6) });
    case "object": {
      const properties = s.properties ?? {};
      if (Object.keys(properties).length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 });
      const shape = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value, depth + 1)]));
      return fc.record(shape, { requiredKeys: (s.required ?? []).filter((key) => key in shape) });
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

type ProcedureDef = { _def: { inputs: unknown[]; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  platform: String(p._def.meta?.capability ?? "").startsWith("platform."),
  input: p._def.inputs[0] as z.ZodType | undefined,
}));

function inputArbitrary(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 1 }));
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  // Mostly around the schema; sometimes anything at all, or nothing.
  return fc.oneof({ arbitrary: fromSchema(json), weight: 8 }, { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

function procedureOf(caller: unknown, path: string): (input?: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
}

/** The stable code a call ended with, as the client would read it ("OK" when it answered). */
async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return toAppError(error).code;
    if (error instanceof AppError) return error.code;
    return `UNEXPECTED: ${(error as Error).message}`;
  }
}

let tenant: Parameters<typeof summaryOf>[0];
let ownerId: string;
/** Operators are costly to make (a password hash each): one for all but their own account's procedures. */
let operator: Awaited<ReturnType<typeof platformCaller>>["caller"];

beforeAll(async () => {
  refuseNonLoopbackConnections();
  const plan = await unsafeSystemDb().plan.upsert({
    where: { code: "test-property" },
    create: { code: "test-property", name: "property", priceIdr: 0, maxCustomers: 100_000, maxRouters: 1000, maxStaff: 1000, features: [], apiRateLimitPerMinute: 10_000_000 },
    update: { apiRateLimitPerMinute: 10_000_000 },
  });
  ({ tenant } = await createTenantWithUser("property", "owner", plan.id));
  ownerId = (await userWithRole(tenant, "owner")).user.id;
  operator = (await platformCaller()).caller;
});

afterAll(closeConnections);

/** Per procedure, whether some generated input got past input validation (the walk is not vacuous). */
const reachedService = new Map<string, boolean>();

describe("no input answers INTERNAL", () => {
  for (const { path, platform, input } of procedures) {
    it(path, async () => {
      reachedService.set(path, reachedService.get(path) ?? false);
      await fc.assert(
        fc.asyncProperty(inputArbitrary(input), async (value) => {
          const caller = platform ? (path.startsWith("platformAccount.") ? (await platformCaller()).caller : operator) : (await tenantCaller(tenant, ownerId)).caller;
          const outcome = await outcomeOf(() => procedureOf(caller, path)(value));
          if (outcome !== "VALIDATION_FAILED") reachedService.set(path, true);
          expect(outcome, `${path} answered ${outcome} for ${JSON.stringify(value)?.slice(0, 300)}`).not.toMatch(/^(INTERNAL|UNEXPECTED)/);
        }),
        { numRuns: RUNS_PER_PROCEDURE, seed: Number(process.env.PROPERTY_SEED ?? 20261204), endOnFailure: true },
      );
    }, 60_000);
  }

  it("most procedures were reached past their input validation", () => {
    const reached = [...reachedService.values()].filter(Boolean).length;
    if (process.env.PROPERTY_REPORT) console.log([...reachedService].filter(([, r]) => !r).map(([p]) => p));
    expect(reached / reachedService.size).toBeGreaterThan(0.8);
  });
});
