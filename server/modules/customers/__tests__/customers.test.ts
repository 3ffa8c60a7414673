// The customer register through the real router: per-tenant numbers (also under concurrency),
// the KTP sealed at rest and hidden from lists, search and keyset paging, the plan's customer
// limit, CSV import (good rows in, bad rows reported by line), export (its own capability,
// audited, .xlsx or CSV) and tenant isolation.
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { exportCsvText } from "../customer-csv.service";
import { customerExportFile } from "../customer-export.endpoint";

afterAll(closeConnections);

async function owner(prefix: string, planId?: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin", planId);
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

describe("customer numbers", () => {
  it("each tenant's sequence starts at C-000001", async () => {
    const a = await owner("cust-seq-a");
    const b = await owner("cust-seq-b");
    const first = await a.caller.customers.create({ name: "Budi" });
    const second = await a.caller.customers.create({ name: "Sari" });
    const other = await b.caller.customers.create({ name: "Ani" });
    expect([first.code, second.code, other.code]).toEqual(["C-000001", "C-000002", "C-000001"]);
  });

  it("concurrent creates get distinct consecutive numbers", async () => {
    const a = await owner("cust-conc");
    const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => a.caller.customers.create({ name: `Pelanggan ${i}` })));
    expect(rows.map((r) => r.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("PII and fields", () => {
  it("the KTP is sealed at rest, hidden from lists, and shown in full only to managers", async () => {
    const a = await owner("cust-ktp");
    const ktp = "3201012345670042";
    const created = await a.caller.customers.create({ name: "Budi", phone: "0812-3456-7890", idNumber: ktp, latitude: -6.2, longitude: 106.8 });
    expect(created).toMatchObject({ phone: "+6281234567890", idNumberLast4: "0042" });
    const raw = await forTenant(a.tenant.id).customer.findUniqueOrThrow({ where: { id: created.id } });
    expect(raw.idNumberSealed).toBeTruthy();
    expect(raw.idNumberSealed).not.toContain(ktp);
    expect(JSON.stringify(await a.caller.customers.list({}))).not.toContain(ktp);
    expect((await a.caller.customers.get({ id: created.id })).idNumber).toBe(ktp);
    const tech = await userWithRole(a.tenant, "technician");
    expect(await tech.caller.customers.get({ id: created.id })).toMatchObject({ idNumber: null, idNumberLast4: "0042" });
    expect((await failure(tech.caller.customers.create({ name: "X" }))).code).toBe("FORBIDDEN");
    const exported = await a.caller.customers.export({ format: "csv" });
    expect(JSON.stringify(exported)).not.toContain(ktp);
  });

  it("isolation is not set by hand; other statuses are", async () => {
    const a = await owner("cust-status");
    const c = await a.caller.customers.create({ name: "Budi", status: "active" });
    expect(await failure(a.caller.customers.update({ id: c.id, status: "isolated" }))).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { status: ["customers.validation.isolationAutomatic"] } } });
    await expect(a.caller.customers.update({ id: c.id, status: "terminated", phone: "+62 21 555 1234" })).resolves.toMatchObject({ status: "terminated", phone: "+62215551234" });
  });
});

describe("search and paging", () => {
  it("finds customers by name, number and phone in any form", async () => {
    const a = await owner("cust-search");
    const budi = await a.caller.customers.create({ name: "Budi Santoso", phone: "081234567890" });
    const sari = await a.caller.customers.create({ name: "Sari Dewi", phone: "085711112222" });
    const names = async (q: string) => (await a.caller.customers.list({ q })).items.map((c) => c.name);
    expect(await names("santoso")).toEqual(["Budi Santoso"]);
    expect(await names(sari.code)).toEqual(["Sari Dewi"]);
    expect(await names(String(budi.number))).toEqual(["Budi Santoso"]);
    expect(await names("0857-1111")).toEqual(["Sari Dewi"]);
    expect(await names("+62 812 3456")).toEqual(["Budi Santoso"]);
    expect((await a.caller.customers.list({ status: "active" })).items).toEqual([]);
  });

  it("pages in number order without gaps or repeats, also when rows are added meanwhile", async () => {
    const a = await owner("cust-page");
    for (let i = 0; i < 7; i++) await a.caller.customers.create({ name: `P${i}` });
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof a.caller.customers.list>> = await a.caller.customers.list({ limit: 3, cursor });
      seen.push(...page.items.map((c) => c.number));
      if (seen.length === 3) await a.caller.customers.create({ name: "late" });
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("plan limit", () => {
  it("creating past maxCustomers answers PLAN_LIMIT_EXCEEDED; terminated customers do not count", async () => {
    const plan = await testPlanId({ code: `tiny-cust-${randomBytes(3).toString("hex")}`, maxCustomers: 2 });
    const a = await owner("cust-limit", plan);
    const first = await a.caller.customers.create({ name: "A" });
    await a.caller.customers.create({ name: "B" });
    expect(await failure(a.caller.customers.create({ name: "C" }))).toMatchObject({
      code: "PLAN_LIMIT_EXCEEDED",
      details: { resource: "customers", limit: 2, used: 2 },
    });
    await a.caller.customers.update({ id: first.id, status: "terminated" });
    await expect(a.caller.customers.create({ name: "C" })).resolves.toMatchObject({ code: "C-000003" });
    expect((await failure(a.caller.customers.update({ id: first.id, status: "active" }))).code).toBe("PLAN_LIMIT_EXCEEDED");
    const csv = "name\nD\nE\n";
    expect((await failure(a.caller.customers.importCsv({ csv }))).code).toBe("PLAN_LIMIT_EXCEEDED");
    expect(await forTenant(a.tenant.id).customer.count()).toBe(3);
  });
});

describe("CSV", () => {
  it("imports the good rows and reports the bad ones by line", async () => {
    const a = await owner("cust-import");
    const csv = [
      "Phone,NAME,billing_day,Status,latitude,longitude,id_number,notes",
      "0812 3456 7890,Budi,5,active,-6.2,106.8,3201012345670001,",
      "12345,Sari,31,,,,,",
      '081298765432,"Ani, Bu",,prospect,,,,"catatan ""penting"""',
      ",,,isolated,,,,",
      ",Lone,,,-6.2,,,",
    ].join("\r\n");
    const result = await a.caller.customers.importCsv({ csv });
    expect(result.imported).toBe(2);
    expect(result.failed).toEqual([
      { row: 3, errors: { phone: [expect.any(String)], billing_day: [expect.any(String)] } },
      // In the importer's language (this caller's: Indonesian).
      { row: 5, errors: { name: ["Masukkan nama."], status: [expect.stringMatching(/otomatis/)] } },
      { row: 6, errors: { longitude: ["Isi lintang dan bujur, atau kosongkan keduanya."] } },
    ]);
    const items = (await a.caller.customers.list({})).items;
    expect(items).toMatchObject([
      { code: "C-000001", name: "Budi", phone: "+6281234567890", billingDay: 5, status: "active", idNumberLast4: "0001" },
      { code: "C-000002", name: "Ani, Bu", notes: 'catatan "penting"', status: "prospect" },
    ]);
    // The import took numbers from the same sequence as the form.
    expect((await a.caller.customers.create({ name: "After" })).code).toBe("C-000003");
    const audit = await forTenant(a.tenant.id).auditEvent.findFirst({ where: { action: "customer.imported" } });
    expect(audit?.details).toEqual({ imported: 2, failed: 3 });
  });

  it("20,000 rows import in one go; 20,001 are refused", async () => {
    const a = await owner("cust-bulk");
    const rows = Array.from({ length: 20_000 }, (_, i) => `Pelanggan ${i},08${String(1_200_000_000 + i)},Jl. Mawar ${i},3201${String(i).padStart(12, "0")}`);
    const result = await a.caller.customers.importCsv({ csv: ["name,phone,address,id_number", ...rows].join("\n") });
    expect(result).toEqual({ imported: 20_000, failed: [] });
    const last = await a.caller.customers.list({ q: "C-020000" });
    expect(last.items).toMatchObject([{ name: "Pelanggan 19999", phone: "+6281200019999" }]);
    expect((await failure(a.caller.customers.importCsv({ csv: ["name", ...Array.from({ length: 20_001 }, () => "x")].join("\n") }))).code).toBe("VALIDATION_FAILED");
  }, 60_000);

  it("a file without a name column or with a broken quote is refused as a whole", async () => {
    const a = await owner("cust-badfile");
    expect((await failure(a.caller.customers.importCsv({ csv: "phone\n0812\n" }))).code).toBe("VALIDATION_FAILED");
    expect((await failure(a.caller.customers.importCsv({ csv: 'name\n"open\n' }))).code).toBe("VALIDATION_FAILED");
    expect(await forTenant(a.tenant.id).customer.count()).toBe(0);
  });

  it("an export imports into another tenant as the same register", async () => {
    const a = await owner("cust-export-a");
    const b = await owner("cust-export-b");
    await a.caller.customers.create({ name: "Budi, Jr.", phone: "081234567890", address: "Jl. Melati 3\nRT 02", latitude: -6.25, longitude: 106.75, billingDay: 10, status: "active" });
    await a.caller.customers.create({ name: "=SUM(1)", notes: 'kata "kunci"' });
    const exported = await a.caller.customers.export({ format: "csv" });
    expect(exported.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = exportCsvText(exported.rows);
    expect(csv.split("\r\n")[0]).toBe("number,name,phone,address,latitude,longitude,status,billing_day,notes");
    expect((await b.caller.customers.importCsv({ csv })).failed).toEqual([]);
    const again = exportCsvText((await b.caller.customers.export({ format: "csv" })).rows);
    expect(csv).toContain("'=SUM(1)"); // spreadsheets must not run it as a formula
    expect(again).toBe(csv);
  });
});

describe("CSV export in spreadsheets split on ';' (Indonesian Excel)", () => {
  it("a cell with ';' or ',' followed by a formula character is quoted and the formula neutralised", async () => {
    const a = await owner("cust-export-semi");
    await a.caller.customers.create({ name: "x;=1+1", address: "Jl. A,@SUM(A1)", notes: "ok;+62 812;-1" });
    const line = exportCsvText((await a.caller.customers.export({ format: "csv" })).rows).split("\r\n")[1]!;
    expect(line).toContain(`"x;'=1+1"`);
    expect(line).toContain(`"Jl. A,'@SUM(A1)"`);
    expect(line).toContain(`"ok;'+62 812;'-1"`);
    // Whatever splits it on ';' or ',' and ignores the quotes, no piece starts a formula.
    for (const piece of line.split(/[;,]/)) expect(piece.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
  });
});

describe("export: its own capability, audited, .xlsx besides CSV", () => {
  it("collectors, technicians and finance get FORBIDDEN; owner and admin may export", async () => {
    const a = await owner("cust-export-cap");
    await a.caller.customers.create({ name: "Budi", phone: "081234567890", latitude: -6.2, longitude: 106.8 });
    for (const role of ["collector", "technician", "finance"] as const) {
      const { caller } = await userWithRole(a.tenant, role);
      expect(await failure(caller.customers.export({ format: "xlsx" }))).toMatchObject({ code: "FORBIDDEN", details: { capability: "customers.export" } });
    }
    const admin = await userWithRole(a.tenant, "admin");
    expect((await admin.caller.customers.export({ format: "csv" })).rows).toHaveLength(1);
  });

  it("every export writes an audit row naming the format, the filter and the row count", async () => {
    const a = await owner("cust-export-audit");
    await a.caller.customers.create({ name: "Budi", status: "active" });
    await a.caller.customers.create({ name: "Sari", status: "prospect" });
    await a.caller.customers.export({ format: "xlsx", status: "active" });
    await a.caller.customers.export({ format: "csv" });
    const rows = await forTenant(a.tenant.id).auditEvent.findMany({ where: { action: "customer.exported" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.actorId, r.details])).toEqual([
      [a.user.id, { format: "xlsx", rows: 1, status: "active" }],
      [a.user.id, { format: "csv", rows: 2 }],
    ]);
  });

  it("the .xlsx has headers in the user's language, phones as text and values (never formulas)", async () => {
    const a = await owner("cust-export-xlsx");
    await a.caller.customers.create({ name: "=SUM(1)", phone: "081234567890", latitude: -6.25, longitude: 106.75, billingDay: 10, status: "active" });
    const exported = await a.caller.customers.export({ format: "xlsx" });
    expect(exported.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const headers = { number: "Nomor", name: "Nama", phone: "HP", address: "Alamat", latitude: "Lintang", longitude: "Bujur", status: "Status", billingDay: "Tgl", notes: "Catatan" };
    const file = await customerExportFile(exported, { sheet: "Pelanggan", headers, status: { prospect: "Calon", active: "Aktif", isolated: "Diisolir", terminated: "Berhenti" } });
    expect(file.kind).toBe("xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Pelanggan")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...Object.values(headers)]);
    expect(sheet.getRow(2).values).toEqual([undefined, "C-000001", "=SUM(1)", "+6281234567890", undefined, -6.25, 106.75, "Aktif", 10]);
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(3).numFmt).toBe("@");
  });
});

describe("tenant isolation", () => {
  it("another tenant cannot read or edit a customer (NOT_FOUND) nor see it in lists", async () => {
    const a = await owner("cust-iso-a");
    const b = await owner("cust-iso-b");
    const c = await a.caller.customers.create({ name: "Rahasia" });
    expect((await failure(b.caller.customers.get({ id: c.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.customers.update({ id: c.id, name: "Hacked" }))).code).toBe("NOT_FOUND");
    expect((await b.caller.customers.list({ q: "Rahasia" })).items).toEqual([]);
    expect((await a.caller.customers.get({ id: c.id })).name).toBe("Rahasia");
  });
});
