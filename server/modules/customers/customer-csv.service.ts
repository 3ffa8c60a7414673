// CSV import and export of the customer register. Import: every row goes through the same zod
// schema as the form; bad rows are reported with their line, good rows go in together in one
// transaction (all or nothing), and only if the whole batch fits the plan's customer limit.
// Export: the (filtered) register without the KTP/NIK, audited; CSV here, .xlsx in
// customer-export.endpoint.ts.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { ErrorMessageKey, RootTranslate } from "@/i18n/keys";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { serverTranslator } from "@/i18n/translator";
import { fieldMessages } from "@/i18n/validation";
import { getEntitlements } from "@/server/modules/plans/entitlements.service";
import { COUNTER_KEY, searchOf, sealIdNumber } from "./customer.service";
import {
  countBillableCustomers,
  createCustomerRows,
  findCustomerPage,
  lockCustomerRoster,
  reserveNumbers,
  type CustomerData,
} from "./customers.repository";
import {
  CSV_EXPORT_COLUMNS,
  CSV_IMPORT_COLUMNS,
  CSV_MAX_ROWS,
  formatCustomerNumber,
  ZCreateCustomerInput,
  type TCreateCustomerInput,
  type TCustomerExport,
  type TCustomerExportInput,
  type TCustomerExportRow,
  type TImportResult,
} from "./customers.schema";
import { CsvSyntaxError, parseCsv, spreadsheetText, toCsv } from "./csv";

type ImportColumn = (typeof CSV_IMPORT_COLUMNS)[number];

const FIELD_OF: Record<ImportColumn, keyof TCreateCustomerInput> = {
  name: "name",
  phone: "phone",
  address: "address",
  latitude: "latitude",
  longitude: "longitude",
  id_number: "idNumber",
  status: "status",
  billing_day: "billingDay",
  notes: "notes",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column])) as Record<string, ImportColumn>;
const NUMERIC = new Set<ImportColumn>(["latitude", "longitude", "billing_day"]);

/** The file as a whole is refused: `key`'s message on the csv field, interpolated with `details`. */
function invalidFile(key: ErrorMessageKey, details: Record<string, unknown> = {}): AppError {
  return new AppError("VALIDATION_FAILED", { fields: { csv: [key] }, ...details }, key);
}

/** A CSV cell as the schema's input: blank -> absent, numeric columns -> numbers when they are. */
function cellValue(column: ImportColumn, raw: string): unknown {
  const text = raw.trim();
  if (text === "") return undefined;
  if (NUMERIC.has(column)) {
    const n = Number(text.replace(",", "."));
    return Number.isFinite(n) ? n : text;
  }
  return column === "status" ? text.toLowerCase() : text;
}

export type ParsedImport = { good: Array<{ line: number; input: TCreateCustomerInput }>; failed: TImportResult["failed"] };

/** Reads and validates the file without touching the database; row problems in `locale`. */
export function parseCustomerCsv(csv: string, locale: Locale = DEFAULT_LOCALE): ParsedImport {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw invalidFile("customers.errors.csvSyntax", { line: error.line });
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw invalidFile("customers.errors.csvEmpty");
  if (rows.length > CSV_MAX_ROWS) throw invalidFile("customers.errors.csvTooManyRows", { max: CSV_MAX_ROWS, rows: rows.length });
  const positions = new Map<ImportColumn, number>();
  header.fields.forEach((name, index) => {
    const column = name.trim().toLowerCase().replace(/[\s-]+/g, "_") as ImportColumn;
    if ((CSV_IMPORT_COLUMNS as readonly string[]).includes(column) && !positions.has(column)) positions.set(column, index);
  });
  if (!positions.has("name")) throw invalidFile("customers.errors.csvNoName", { columns: CSV_IMPORT_COLUMNS.join(", ") });

  const result: ParsedImport = { good: [], failed: [] };
  for (const record of rows) {
    const raw: Record<string, unknown> = {};
    for (const [column, index] of positions) {
      const value = cellValue(column, record.fields[index] ?? "");
      if (value !== undefined) raw[FIELD_OF[column]] = value;
    }
    const parsed = ZCreateCustomerInput.safeParse(raw);
    if (parsed.success) {
      result.good.push({ line: record.line, input: parsed.data });
    } else {
      const byField = fieldMessages(parsed.error.issues, serverTranslator(locale) as unknown as RootTranslate);
      const errors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(byField)) errors[COLUMN_OF[field] ?? (field || "row")] = messages;
      result.failed.push({ row: record.line, errors });
    }
  }
  return result;
}

export async function importCustomersCsv(db: TenantDb, actor: UserActor, csv: string, locale: Locale = DEFAULT_LOCALE): Promise<TImportResult> {
  const { good, failed } = parseCustomerCsv(csv, locale);
  if (good.length === 0) return { imported: 0, failed };
  const billable = good.filter((g) => g.input.status !== "terminated").length;
  const imported = await db.$transaction(
    async (tx) => {
      await lockCustomerRoster(tx);
      const used = await countBillableCustomers(tx);
      const entitlements = await getEntitlements(tx);
      const limit = entitlements.limits.customers;
      if (used + billable > limit) {
        throw new AppError(
          "PLAN_LIMIT_EXCEEDED",
          { resource: "customers", limit, used, plan: entitlements.planCode, requested: billable },
          "customers.errors.importOverLimit",
        );
      }
      const first = await reserveNumbers(tx, COUNTER_KEY, good.length);
      const rows = good.map(({ input: { idNumber, ...fields } }, i) => ({
        tenantId: tx.tenantId,
        number: first + i,
        ...fields,
        ...(sealIdNumber(idNumber) as Pick<CustomerData, "idNumberSealed" | "idNumberLast4">),
      }));
      return createCustomerRows(tx, rows);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await recordAudit(db, actor, { action: "customer.imported", details: { imported, failed: failed.length } });
  return { imported, failed };
}

/**
 * The (filtered) register for an export, without the KTP/NIK: audited (who, which format, which
 * filter, how many rows), since phones and coordinates leave the system with it. `timeZone`: the
 * tenant's zone, for the date in the file name.
 */
export async function exportCustomers(db: TenantDb, actor: UserActor, input: TCustomerExportInput & { timeZone: string }): Promise<TCustomerExport> {
  const { timeZone, format, ...filter } = input;
  const search = searchOf(filter);
  const rows: TCustomerExportRow[] = [];
  let after: number | null = null;
  for (;;) {
    const page = await findCustomerPage(db, search, after, 1000);
    for (const c of page) {
      rows.push({
        number: formatCustomerNumber(c.number),
        name: c.name,
        phone: c.phone,
        address: c.address,
        latitude: c.latitude,
        longitude: c.longitude,
        status: c.status,
        billingDay: c.billingDay,
        notes: c.notes,
      });
    }
    if (page.length < 1000) break;
    after = page.at(-1)!.number;
  }
  await recordAudit(db, actor, { action: "customer.exported", details: { format, rows: rows.length, ...filter } });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return { fileName: `customers-${day}.${format}`, format, rows };
}

/** An export as CSV text in the import's columns, so it reads back in; formulas neutralised. */
export function exportCsvText(rows: readonly TCustomerExportRow[]): string {
  const lines: string[][] = [[...CSV_EXPORT_COLUMNS]];
  for (const c of rows) {
    lines.push([
      c.number,
      spreadsheetText(c.name),
      c.phone ?? "",
      spreadsheetText(c.address),
      c.latitude?.toString() ?? "",
      c.longitude?.toString() ?? "",
      c.status,
      String(c.billingDay),
      spreadsheetText(c.notes),
    ]);
  }
  return toCsv(lines);
}
