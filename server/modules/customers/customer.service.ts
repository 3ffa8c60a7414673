// The customer register: create (per-tenant number, plan limit), edit, look up, search and page.
// The KTP/NIK is PII: sealed at rest (secret-box), only its last 4 digits appear in lists, and
// the full number is opened only for roles that manage customers. "isolated" is not set by hand:
// the billing module isolates and restores customers.
import "server-only";
import { emitEvents } from "@/server/events/outbox";
import { event } from "@/server/events/define-event";
import { customerStatusChanged } from "./customers.events";
import type { Actor, UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope, TenantTx } from "@/server/db";
import { nextTenantNumber } from "@/server/db/counters";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { can } from "@/server/modules/identity/capabilities";
import { open, seal } from "@/server/crypto/secret-box";
import { assertWithinLimit } from "@/server/modules/plans/entitlements.service";
import {
  countBillableCustomers,
  countCustomersCreatedBetween,
  countCustomersWithStatus,
  countCustomersPerStatus,
  createCustomerRow,
  findCustomer,
  findCustomerPage,
  findAudience,
  findCustomerContacts,
  findCustomerRef,
  findCustomerRefs,
  lockCustomerRoster,
  updateCustomerRow,
  type AudienceSearch,
  type CustomerContact,
  type CustomerData,
  type CustomerRecord,
  type CustomerRef,
  type CustomerSearch,
  findPortalLoginCustomer,
  linkPortalUserRow,
  type PortalLoginCustomer,
} from "./customers.repository";
import type { CustomerStatus } from "@/server/db/generated/enums";

export type { AudienceSearch, CustomerContact, CustomerRef };
import {
  CUSTOMER_STATUSES,
  formatCustomerNumber,
  parseCustomerNumber,
  normalisePhone,
  type TCreateCustomerInput,
  type TCustomerDetail,
  type TCustomerFilter,
  type TCustomerListInput,
  type TCustomerPage,
  type TCustomerRow,
  type TUpdateCustomerInput,
} from "./customers.schema";

export const COUNTER_KEY = "customer";

export function toCustomerRow(row: CustomerRecord): TCustomerRow {
  return {
    ...row,
    code: formatCustomerNumber(row.number),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The sealed KTP and its last 4 digits, or nulls. */
export function sealIdNumber(idNumber: string | null | undefined): Pick<CustomerData, "idNumberSealed" | "idNumberLast4"> {
  if (idNumber === undefined) return {};
  if (idNumber === null) return { idNumberSealed: null, idNumberLast4: null };
  return { idNumberSealed: seal(idNumber), idNumberLast4: idNumber.slice(-4) };
}

/** A free-text query as name / number / phone conditions (any of them matches). */
export function searchOf(filter: TCustomerFilter): CustomerSearch {
  const search: CustomerSearch = { status: filter.status };
  const q = filter.q?.trim();
  if (!q) return search;
  search.name = q;
  const number = parseCustomerNumber(q);
  if (number !== null) search.number = number;
  // Phones are stored as +62…: "0812 34", "62812…", "+62 812" all become "62812…".
  const compact = q.replace(/[\s\-.()]/g, "");
  if (/^\+?\d{4,}$/.test(compact)) {
    const digits = compact.replace(/^\+/, "");
    search.phoneDigits = digits.startsWith("0") ? `62${digits.slice(1)}` : digits;
  }
  return search;
}

export async function listCustomers(db: TenantDb, input: TCustomerListInput): Promise<TCustomerPage> {
  // One row more than asked tells whether another page exists without a count query.
  const rows = await findCustomerPage(db, searchOf(input), input.cursor ?? null, input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page.map(toCustomerRow), nextCursor: rows.length > input.limit ? page.at(-1)!.number : null };
}

const notFound = (id: string) => new AppError("NOT_FOUND", { customerId: id }, "customers.errors.notFound");

export async function getCustomer(db: TenantDb, actor: UserActor, id: string): Promise<TCustomerDetail> {
  const row = await findCustomer(db, id);
  if (!row) throw notFound(id);
  const { idNumberSealed, ...rest } = row;
  const showFull = idNumberSealed !== null && can(actor.role, "customers.manage");
  return { ...toCustomerRow(rest), idNumber: showFull ? open(idNumberSealed) : null };
}

export async function createCustomer(db: TenantDb, actor: UserActor, input: TCreateCustomerInput): Promise<TCustomerRow> {
  return db.$transaction((tx) => createCustomerInTx(tx, actor, input));
}

/** createCustomer inside a transaction the caller holds (an import that must land whole or not at all). */
export async function createCustomerInTx(tx: TenantTx, actor: UserActor, input: TCreateCustomerInput): Promise<TCustomerRow> {
  const { idNumber, ...fields } = input;
  await lockCustomerRoster(tx);
  if (fields.status !== "terminated") await assertWithinLimit(tx, "customers", await countBillableCustomers(tx));
  const number = await nextTenantNumber(tx, COUNTER_KEY);
  const row = await createCustomerRow(tx, { tenantId: tx.tenantId, number, ...fields, ...sealIdNumber(idNumber) });
  await recordAudit(tx, actor, { action: "customer.created", target: { type: "customer", id: row.id }, details: { number: formatCustomerNumber(row.number) } });
  return toCustomerRow(row);
}

export async function updateCustomer(db: TenantDb, actor: UserActor, input: TUpdateCustomerInput): Promise<TCustomerRow> {
  const { id, idNumber, ...fields } = input;
  const { row, changed } = await db.$transaction(async (tx) => {
    const current = await findCustomer(tx, id);
    if (!current) throw notFound(id);
    if (fields.status === "isolated" && current.status !== "isolated") {
      throw new AppError("VALIDATION_FAILED", { fields: { status: ["customers.validation.isolationAutomatic"] } });
    }
    if (current.status === "terminated" && fields.status && fields.status !== "terminated") {
      // Back from terminated counts against the plan again.
      await lockCustomerRoster(tx);
      await assertWithinLimit(tx, "customers", await countBillableCustomers(tx));
    }
    const data: CustomerData = { ...fields, ...sealIdNumber(idNumber) };
    const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
    if (idNumber !== undefined) changed.push("idNumber");
    const updated = await updateCustomerRow(tx, id, data);
    if (updated.status !== current.status) await emitEvents(tx, [event(customerStatusChanged, { customerId: id, from: current.status, to: updated.status })]);
    return { row: updated, changed, from: current.status };
  });
  // Field names only: the audit log never holds the PII itself.
  await recordAudit(db, actor, {
    action: "customer.updated",
    target: { type: "customer", id: row.id },
    details: { number: formatCustomerNumber(row.number), fields: changed.sort().join(",") },
  });
  return toCustomerRow(row);
}

/** A customer's number, name and status, for other modules (billing, the portal). */
export async function getCustomerRefOrThrow(db: TenantScope, customerId: string): Promise<CustomerRef> {
  const row = await findCustomerRef(db, { id: customerId });
  if (!row) throw notFound(customerId);
  return row;
}

/** Customers' names, numbers and WhatsApp numbers, for the notifications module. */
/** Numbers, names and statuses of these customers (the network module's bulk read). */
export function listCustomerRefs(db: TenantDb, customerIds: string[]): Promise<CustomerRef[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return findCustomerRefs(db, customerIds);
}

export function getCustomerContacts(db: TenantDb, customerIds: string[]): Promise<CustomerContact[]> {
  if (customerIds.length === 0) return Promise.resolve([]);
  return findCustomerContacts(db, customerIds);
}

/** Customers matching a broadcast's filter (status, package, part of the address), with contacts. */
export function listAudience(db: TenantDb, search: AudienceSearch): Promise<CustomerContact[]> {
  return findAudience(db, search);
}

/**
 * The customer a portal sign-in names: a WhatsApp number (08…, +62…) or a customer number
 * (C-000042, 42). Null when none matches.
 */
export function findCustomerForPortalLogin(db: TenantDb, login: string): Promise<PortalLoginCustomer | null> {
  const phone = login.replace(/\D/g, "").length >= 9 ? normalisePhone(login) : null;
  if (phone) return findPortalLoginCustomer(db, { phone });
  const number = parseCustomerNumber(login);
  return number === null ? Promise.resolve(null) : findPortalLoginCustomer(db, { number });
}

/** The same facts of one customer by id (a sign-in code names its customer). */
export function findPortalCustomerById(db: TenantDb, customerId: string): Promise<PortalLoginCustomer | null> {
  return findPortalLoginCustomer(db, { id: customerId });
}

/** Makes `userId` the customer's client-portal user, unless they already have one. */
export function linkPortalUser(db: TenantDb, input: { customerId: string; userId: string }): Promise<void> {
  return linkPortalUserRow(db, input.customerId, input.userId);
}

/** The customer a client user is, or null (a client account not linked to a customer yet). */
export function findCustomerOfUser(db: TenantDb, userId: string): Promise<CustomerRef | null> {
  return findCustomerRef(db, { userId });
}

export function countCustomers(db: TenantDb, input: { status: CustomerStatus }): Promise<number> {
  return countCustomersWithStatus(db, input.status);
}

/** Customers per status (0 for a status nobody has). */
/** Customers that count against the plan's limit: every one not terminated (what create and import check). */
export function countCustomersAgainstLimit(db: TenantDb): Promise<number> {
  return countBillableCustomers(db);
}

export async function countCustomersByStatus(db: TenantDb): Promise<Record<CustomerStatus, number>> {
  const counts = await countCustomersPerStatus(db);
  return Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<CustomerStatus, number>;
}

/** Customers added in [from, to) (instants). */
export function countCustomersCreated(db: TenantDb, input: { from: Date; to: Date }): Promise<number> {
  return countCustomersCreatedBetween(db, input.from, input.to);
}

/** The customer's billing day (1–28): the subscriptions module's way to read it. */
export async function getCustomerBillingDayOrThrow(db: TenantScope, customerId: string): Promise<number> {
  const row = await db.customer.findFirst({ where: { id: customerId }, select: { billingDay: true } });
  if (!row) throw new AppError("NOT_FOUND", { customerId }, "customers.errors.notFound");
  return row.billingDay;
}

/** A prospect who gets a subscription becomes an active customer (billed from then on). */
export async function activateProspect(db: TenantScope, actor: Actor, customerId: string): Promise<boolean> {
  const { count } = await db.customer.updateMany({ where: { id: customerId, status: "prospect" }, data: { status: "active" } });
  if (count === 1) {
    await recordAudit(db, actor, { action: "customer.updated", target: { type: "customer", id: customerId }, details: { statusFrom: "prospect", statusTo: "active" } });
  }
  return count === 1;
}
