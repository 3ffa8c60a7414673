import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZCreateCustomerInput,
  ZCustomerDetail,
  ZCustomerListInput,
  ZCustomerPage,
  ZCustomerRow,
  ZCustomerTarget,
  ZCustomerExport,
  ZCustomerExportInput,
  ZImportCsvInput,
  ZImportResult,
  ZUpdateCustomerInput,
} from "./customers.schema";
import { createCustomer, getCustomer, listCustomers, updateCustomer } from "./customer.service";
import { exportCustomers, importCustomersCsv } from "./customer-csv.service";

const read = requireCapability("customers.read");
const manage = requireCapability("customers.manage");
const exporting = requireCapability("customers.export");

export const customersRouter = router({
  /** Ascending by customer number, one page at a time; q searches name, number and phone. */
  list: read.input(ZCustomerListInput).output(ZCustomerPage).query(({ ctx, input }) => listCustomers(ctx.db, input)),
  /** The full KTP/NIK only for roles with customers.manage. */
  get: read.input(ZCustomerTarget).output(ZCustomerDetail).query(({ ctx, input }) => getCustomer(ctx.db, ctx.actor, input.id)),
  create: manage.input(ZCreateCustomerInput).output(ZCustomerRow).mutation(({ ctx, input }) => createCustomer(ctx.db, ctx.actor, input)),
  update: manage.input(ZUpdateCustomerInput).output(ZCustomerRow).mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.actor, input)),
  /** Good rows are imported together, bad rows reported by line; nothing is half-written. */
  importCsv: manage.input(ZImportCsvInput).output(ZImportResult).mutation(({ ctx, input }) => importCustomersCsv(ctx.db, ctx.actor, input.csv, ctx.locale)),
  /** The (filtered) register for an .xlsx or CSV file (app/api/customers/export), without KTP/NIK numbers; audited. */
  export: exporting.input(ZCustomerExportInput).output(ZCustomerExport).query(({ ctx, input }) => exportCustomers(ctx.db, ctx.actor, { ...input, timeZone: ctx.tenant.timezone })),
});
