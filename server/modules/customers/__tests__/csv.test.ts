// The RFC 4180 reader/writer and the phone/KTP/number rules of the customer schema (pure).
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv, toCsv } from "../csv";
import { formatCustomerNumber, normalisePhone, parseCustomerNumber, ZCreateCustomerInput } from "../customers.schema";

describe("parseCsv", () => {
  it("reads quoted fields with commas, escaped quotes and line breaks, CRLF ends and a BOM", () => {
    const text = '\uFEFFname,notes\r\n"Budi, Jr.","said ""hi"""\r\n"Sari","line one\nline two"\r\nAni,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["name", "notes"] },
      { line: 2, fields: ["Budi, Jr.", 'said "hi"'] },
      { line: 3, fields: ["Sari", "line one\nline two"] },
      { line: 5, fields: ["Ani", ""] },
    ]);
  });

  it("skips blank lines and reads a last line without a line end", () => {
    expect(parseCsv("a,b\n\n1,2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
  });

  it("refuses an unterminated quote, naming the line it opened on", () => {
    expect(() => parseCsv('name\n"open\nstill open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('name\n"open\nstill open');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  it("toCsv output reads back to the same cells", () => {
    const rows = [["a", 'quote "x"', "comma, here", "multi\nline", " padded "]];
    expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});

describe("phone numbers", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 789", "+628123456789"],
    ["628123456789", "+628123456789"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["(021) 555-1234", "+62215551234"],
  ])("%s -> %s", (raw, e164) => expect(normalisePhone(raw)).toBe(e164));

  it.each(["12345", "+6512345678", "0812", "62081234567890", "08123456789012345", "0812-abc-7890"])("refuses %s", (raw) =>
    expect(normalisePhone(raw)).toBeNull(),
  );

  it("the schema says what a phone should look like", () => {
    const result = ZCreateCustomerInput.safeParse({ name: "A", phone: "12345" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("customers.validation.phone");
  });
});

describe("other rules", () => {
  it("customer numbers format and parse", () => {
    expect(formatCustomerNumber(42)).toBe("C-000042");
    expect([parseCustomerNumber("C-000042"), parseCustomerNumber("c42"), parseCustomerNumber("42"), parseCustomerNumber("Budi")]).toEqual([42, 42, 42, null]);
  });

  it("KTP is 16 digits, billing day 1–28, latitude with longitude, no manual isolation", () => {
    const bad = (input: Record<string, unknown>) => !ZCreateCustomerInput.safeParse({ name: "A", ...input }).success;
    expect(bad({ idNumber: "3201 0123 4567 0001" })).toBe(false);
    expect(bad({ idNumber: "320101234567" })).toBe(true);
    expect(bad({ billingDay: 29 })).toBe(true);
    expect(bad({ latitude: -6.2 })).toBe(true);
    expect(bad({ latitude: -6.2, longitude: 106.8 })).toBe(false);
    expect(bad({ latitude: -91, longitude: 106.8 })).toBe(true);
    expect(bad({ status: "isolated" })).toBe(true);
  });
});
