// A field array's own validation (run by react-hook-form after each add or remove) keeps errors
// only on fields the person has touched or that already show one: the invoice form's new blank
// line is not marked wrong, and a line typed in but not yet left keeps no stale rupiah message.
import { describe, expect, it } from "vitest";
import { keepShownArrayErrors } from "@/components/ui/form";

const issue = (message: string) => ({ type: "custom", message });

describe("field array errors after adding or removing a line", () => {
  it("drops errors of a line nobody has touched and keeps those of touched or already shown fields", () => {
    const errors: Record<string, unknown> = {
      lines: [undefined, { description: issue("Isi keterangan."), unitPriceIdr: issue("Tulis jumlahnya dalam rupiah bulat.") }, { discountIdr: issue("Diskon terlalu besar.") }],
    };
    const touched = new Set(["lines.1.description"]);
    const shown = new Set(["lines.2.discountIdr"]);
    keepShownArrayErrors(errors, "lines", (path) => ({ isTouched: touched.has(path), error: shown.has(path) ? issue("x") : undefined }));
    expect(errors).toEqual({ lines: [undefined, { description: issue("Isi keterangan.") }, { discountIdr: issue("Diskon terlalu besar.") }] });
  });

  it("removes the array's entry when no line keeps an error, and leaves the array's own message alone", () => {
    const blank: Record<string, unknown> = { lines: [undefined, { unitPriceIdr: issue("Tulis jumlahnya dalam rupiah bulat.") }] };
    keepShownArrayErrors(blank, "lines", () => ({ isTouched: false }));
    expect(blank).toEqual({});

    const root: Record<string, unknown> = { lines: { root: issue("Tambahkan satu baris.") } };
    keepShownArrayErrors(root, "lines", () => ({ isTouched: false }));
    expect(root).toEqual({ lines: { root: issue("Tambahkan satu baris.") } });
  });
});
