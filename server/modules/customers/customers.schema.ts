// Shapes of the customer register: inputs, list pages and rows as the UI sees them. No server
// imports: shared with the UI and the CSV import (each CSV row goes through ZCreateCustomerInput).
import { z } from "zod";
import { v } from "@/i18n/keys";

export const CUSTOMER_STATUSES = ["prospect", "active", "isolated", "terminated"] as const;
export const ZCustomerStatus = z.enum(CUSTOMER_STATUSES);
export type TCustomerStatus = z.infer<typeof ZCustomerStatus>;

/** Statuses staff may choose by hand (isolation is automatic, done by billing). */
export const MANUAL_STATUSES = ["prospect", "active", "terminated"] as const satisfies readonly TCustomerStatus[];

/** "C-000042": the number staff and customers quote. */
export function formatCustomerNumber(n: number): string {
  return `C-${String(n).padStart(6, "0")}`;
}

/** The largest customer number (a PostgreSQL integer). */
export const MAX_CUSTOMER_NUMBER = 2_147_483_647;

/** "C-000042", "c42", "42" -> 42; anything else -> null. */
export function parseCustomerNumber(text: string): number | null {
  const m = /^(?:c[-\s]?)?0*(\d{1,9})$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_CUSTOMER_NUMBER ? n : null;
}

/**
 * Indonesian phone as E.164 ("+62…"): accepts 08…, 628…, +628…, with spaces, dashes, dots or
 * brackets. After the country code 9–13 digits, not starting with 0 (mobile 8…, landline area
 * codes 2…–9…). Returns null when it is not such a number.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\-.()]/g, "");
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  return /^[1-9]\d{8,12}$/.test(national) ? `+62${national}` : null;
}

const PHONE_MESSAGE = v("customers.validation.phone");

export const ZPhone = z
  .string()
  .max(40, PHONE_MESSAGE)
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  });

/** KTP / NIK: 16 digits (spaces and dots tolerated on input). */
export const ZIdNumber = z
  .string()
  .max(40, v("customers.validation.nik"))
  .transform((value) => value.replace(/[\s.]/g, ""))
  .pipe(z.string().regex(/^\d{16}$/, v("customers.validation.nik")));

const BILLING_DAY = v("customers.validation.billingDay");
export const ZBillingDay = z.number({ error: BILLING_DAY }).int(BILLING_DAY).min(1, BILLING_DAY).max(28, BILLING_DAY);

const LATITUDE = v("customers.validation.latitude");
const LONGITUDE = v("customers.validation.longitude");
export const ZLatitude = z.number({ error: LATITUDE }).min(-90, LATITUDE).max(90, LATITUDE);
export const ZLongitude = z.number({ error: LONGITUDE }).min(-180, LONGITUDE).max(180, LONGITUDE);

const ZName = z.string({ error: v("customers.validation.name") }).trim().min(1, v("customers.validation.name")).max(120);
const ZAddress = z.string().trim().max(500);
const ZNotes = z.string().trim().max(2000);

/** Latitude and longitude come together or not at all. */
function bothOrNeither(value: { latitude?: number | null; longitude?: number | null }, ctx: z.RefinementCtx) {
  const hasLat = value.latitude !== undefined && value.latitude !== null;
  const hasLng = value.longitude !== undefined && value.longitude !== null;
  if (hasLat !== hasLng || (value.latitude === undefined) !== (value.longitude === undefined)) {
    ctx.addIssue({ code: "custom", path: [hasLat ? "longitude" : "latitude"], message: v("customers.validation.coordinatesPair") });
  }
}

export const ZCreateCustomerInput = z
  .object({
    name: ZName,
    phone: ZPhone.optional(),
    address: ZAddress.optional(),
    latitude: ZLatitude.optional(),
    longitude: ZLongitude.optional(),
    idNumber: ZIdNumber.optional(),
    status: ZCustomerStatus.refine((s) => s !== "isolated", v("customers.validation.isolationAutomatic")).default("prospect"),
    billingDay: ZBillingDay.default(1),
    notes: ZNotes.optional(),
  })
  .superRefine(bothOrNeither);
export type TCreateCustomerInput = z.infer<typeof ZCreateCustomerInput>;

/** Fields left out stay as they are; null clears an optional field. */
export const ZUpdateCustomerInput = z
  .object({
    id: z.uuid(),
    name: ZName.optional(),
    phone: ZPhone.nullable().optional(),
    address: ZAddress.nullable().optional(),
    latitude: ZLatitude.nullable().optional(),
    longitude: ZLongitude.nullable().optional(),
    idNumber: ZIdNumber.nullable().optional(),
    /** "isolated" is refused unless the customer already is (isolation is automatic). */
    status: ZCustomerStatus.optional(),
    billingDay: ZBillingDay.optional(),
    notes: ZNotes.nullable().optional(),
  })
  .superRefine(bothOrNeither);
export type TUpdateCustomerInput = z.infer<typeof ZUpdateCustomerInput>;

export const ZCustomerTarget = z.object({ id: z.uuid() });

export const ZCustomerFilter = z.object({
  /** Name (contains), customer number ("C-000042" or "42") or phone (any form, contains). */
  q: z.string().trim().max(100).optional(),
  status: ZCustomerStatus.optional(),
});
export type TCustomerFilter = z.infer<typeof ZCustomerFilter>;

export const ZCustomerListInput = ZCustomerFilter.extend({
  /** Keyset cursor: the last number of the previous page (ascending by number). */
  cursor: z.number().int().positive().max(MAX_CUSTOMER_NUMBER).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TCustomerListInput = z.infer<typeof ZCustomerListInput>;

export const ZCustomerRow = z.object({
  id: z.uuid(),
  number: z.number().int(),
  /** formatCustomerNumber(number). */
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The KTP itself never appears in lists. */
  idNumberLast4: z.string().nullable(),
  status: ZCustomerStatus,
  billingDay: z.number().int(),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TCustomerRow = z.infer<typeof ZCustomerRow>;

export const ZCustomerDetail = ZCustomerRow.extend({
  /** The full KTP/NIK, only for roles with customers.manage; null otherwise or when not on file. */
  idNumber: z.string().nullable(),
});
export type TCustomerDetail = z.infer<typeof ZCustomerDetail>;

export const ZCustomerPage = z.object({
  items: z.array(ZCustomerRow),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.number().int().nullable(),
});
export type TCustomerPage = z.infer<typeof ZCustomerPage>;

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 20_000;
/** Columns read by the import (case-insensitive, any order; others are ignored). */
export const CSV_IMPORT_COLUMNS = ["name", "phone", "address", "latitude", "longitude", "id_number", "status", "billing_day", "notes"] as const;
/** Columns written by the export: no KTP/NIK. */
export const CSV_EXPORT_COLUMNS = ["number", "name", "phone", "address", "latitude", "longitude", "status", "billing_day", "notes"] as const;

export const ZImportCsvInput = z.object({ csv: z.string().max(CSV_MAX_BYTES, v("customers.validation.csvTooLarge")) });

export const ZImportResult = z.object({
  imported: z.number().int(),
  /** Rows not imported: the 1-based line of the file where the row starts, messages per column. */
  failed: z.array(z.object({ row: z.number().int(), errors: z.record(z.string(), z.array(z.string())) })),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZCustomerExportInput = ZCustomerFilter.extend({ format: z.enum(EXPORT_FORMATS) });
export type TCustomerExportInput = z.infer<typeof ZCustomerExportInput>;

/** One exported customer: the CSV_EXPORT_COLUMNS, no KTP/NIK. */
export const ZCustomerExportRow = z.object({
  number: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: ZCustomerStatus,
  billingDay: z.number().int(),
  notes: z.string().nullable(),
});
export type TCustomerExportRow = z.infer<typeof ZCustomerExportRow>;

/** What an export holds; the route handler (app/api/customers/export) writes it as a file. */
export const ZCustomerExport = z.object({ fileName: z.string(), format: z.enum(EXPORT_FORMATS), rows: z.array(ZCustomerExportRow) });
export type TCustomerExport = z.infer<typeof ZCustomerExport>;
