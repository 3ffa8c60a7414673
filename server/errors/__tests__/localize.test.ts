// An error answer is in the caller's language: the code's message, a service's own message
// key with its details, and per-field messages (schema keys and built-in checks alike). The
// code and the details clients branch on stay as they are.
import { describe, expect, it } from "vitest";
import { ZCreateCustomerInput } from "@/server/modules/customers/customers.schema";
import { AppError, fieldError } from "@/server/errors/app-error";
import { localizeError } from "@/server/errors/localize";
import { ERROR_CODES } from "@/server/errors/codes";
import { MESSAGES } from "@/i18n/messages";

describe("error messages in the caller's language", () => {
  it("every code has its message in both catalogues", () => {
    for (const locale of ["id", "en"] as const) expect(Object.keys(MESSAGES[locale].errors.codes).sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it("a code's message follows the language; the code does not", () => {
    const error = new AppError("FORBIDDEN", { capability: "audit.read" });
    expect(localizeError(error, "id")).toEqual({ error: "Anda tidak diizinkan melakukan ini.", code: "FORBIDDEN", details: { capability: "audit.read" } });
    expect(localizeError(error, "en").error).toBe("You are not allowed to do this.");
  });

  it("a service's message key is interpolated with the error's details", () => {
    const error = new AppError("PLAN_LIMIT_EXCEEDED", { resource: "customers", limit: 1000, used: 990, requested: 25 }, "customers.errors.importOverLimit");
    expect(localizeError(error, "id").error).toBe("Mengimpor 25 pelanggan akan melewati batas paket Anda, yaitu 1.000 (990 terpakai). Tidak ada yang diimpor.");
    expect(localizeError(error, "en").error).toBe("Importing 25 customers would pass your plan's limit of 1,000 (990 in use). Nothing was imported.");
  });

  it("an English sentence given as a message stays in logs: the user reads the code's message", () => {
    const error = new AppError("CONFLICT", { field: "name" }, "A package with this name already exists.");
    expect(error.message).toContain("A package with this name already exists.");
    expect(localizeError(error, "id").error).toBe(MESSAGES.id.errors.codes.CONFLICT);
  });

  it("billing day 31 and a bad NIK are named on their fields, in the caller's language", () => {
    const parsed = ZCreateCustomerInput.safeParse({ name: "Budi", billingDay: 31, idNumber: "12345" });
    const error = new AppError("VALIDATION_FAILED", { fields: {} });
    error.issues = parsed.error!.issues;
    expect(localizeError(error, "id").details).toEqual({
      fields: { billingDay: ["Tanggal tagihan harus 1 sampai 28."], idNumber: ["Nomor KTP/NIK terdiri dari 16 digit."] },
    });
    expect(localizeError(error, "en").details).toEqual({
      fields: { billingDay: ["The billing day must be from 1 to 28."], idNumber: ["A KTP/NIK number has 16 digits."] },
    });
  });

  it("a service rule's refusal names its field, amounts (`…Idr`) written as rupiah in both languages", () => {
    const error = fieldError("method", "billing.validation.methodRange", { method: "QRIS", minIdr: 1000, maxIdr: 5_000_000 });
    expect(localizeError(error, "id")).toEqual({
      error: "QRIS menerima Rp 1.000 sampai Rp 5.000.000.",
      code: "VALIDATION_FAILED",
      details: { method: "QRIS", minIdr: 1000, maxIdr: 5_000_000, fields: { method: ["QRIS menerima Rp 1.000 sampai Rp 5.000.000."] } },
    });
    expect(localizeError(error, "en").details?.fields).toEqual({ method: ["QRIS takes Rp 1.000 to Rp 5.000.000."] });
  });

  it("a service's field message keys are translated too", () => {
    const error = new AppError("VALIDATION_FAILED", { fields: { status: ["customers.validation.isolationAutomatic"] } });
    expect(localizeError(error, "en").details).toEqual({ fields: { status: [MESSAGES.en.customers.validation.isolationAutomatic] } });
  });
});
