// A refused save lands on the form: VALIDATION_FAILED field messages (already in the user's
// language) on the fields the form has, a CONFLICT naming a field on that field, and whatever
// names no field of the form is left for the form's alert.
import { describe, expect, it } from "vitest";
import { serverFieldErrors, splitServerErrors } from "@/components/ui/form";

const refusal = (details: Record<string, unknown>, message = "Ada isian yang perlu diperbaiki.") => ({ message, shape: { details } });

describe("server errors on form fields", () => {
  const values = { name: "Budi", billingDay: 31, idNumber: "12345", lines: [{ discountIdr: 5 }] };

  it("puts each field message on its field, nested paths included, and keeps the rest for the alert", () => {
    const error = refusal({
      fields: { billingDay: ["Tanggal tagihan harus 1 sampai 28."], idNumber: ["Nomor KTP/NIK terdiri dari 16 digit."], "lines.0.discountIdr": ["Diskon terlalu besar."], csv: ["Berkas kosong."] },
    });
    expect(splitServerErrors(values, error)).toEqual({
      onFields: [
        ["billingDay", "Tanggal tagihan harus 1 sampai 28."],
        ["idNumber", "Nomor KTP/NIK terdiri dari 16 digit."],
        ["lines.0.discountIdr", "Diskon terlalu besar."],
      ],
      elsewhere: ["Berkas kosong."],
    });
  });

  it("a CONFLICT about one field shows its message on that field", () => {
    expect(splitServerErrors(values, refusal({ field: "name" }, "Sudah ada paket dengan nama ini.")).onFields).toEqual([["name", "Sudah ada paket dengan nama ini."]]);
  });

  it("an error without details names no field", () => {
    expect(serverFieldErrors(new Error("offline"))).toEqual({});
    expect(splitServerErrors(values, { message: "Terjadi kesalahan di sistem kami." })).toEqual({ onFields: [], elsewhere: [] });
  });
});
