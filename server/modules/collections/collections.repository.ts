// Prisma and SQL of collectors' cash: assignments, the round, the custody ledger, deposits and the
// figures of commissions and reports. Raw SQL names tenantId first.
import "server-only";
import type { TenantDb, TenantScope, TenantTx } from "@/server/db";

const num = (value: bigint | number | null | undefined) => Number(value ?? 0);

// ── Collectors and assignments ──────────────────────────────────────────────────────────────

export async function findCollectorUser(db: TenantScope, id: string): Promise<{ id: string; name: string; active: boolean } | null> {
  const tenantId = db.tenantId;
  const rows = await db.$queryRaw<{ id: string; name: string; active: boolean }[]>`
    SELECT id, name, active FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND id = ${id}::uuid AND role = 'collector'`;
  return rows[0] ?? null;
}

export async function listCollectorUsers(db: TenantDb) {
  const tenantId = db.tenantId;
  const rows = await db.$queryRaw<{ id: string; name: string; email: string; active: boolean; customers: number; held: bigint | null }[]>`
    SELECT u.id, u.name, u.email, u.active,
      (SELECT count(*)::int FROM "CollectorAssignment" a WHERE a."tenantId" = u."tenantId" AND a."collectorId" = u.id AND a."endedAt" IS NULL) AS customers,
      (SELECT sum(e."amountIdr") FROM "CustodyEntry" e WHERE e."tenantId" = u."tenantId" AND e."collectorId" = u.id) AS held
    FROM "User" u WHERE u."tenantId" = ${tenantId}::uuid AND u.role = 'collector'
    ORDER BY u.active DESC, u.name`;
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, active: r.active, customers: r.customers, heldIdr: num(r.held) }));
}

/** Customers of an ODP, or of every ODP in an area (the FTTH drop ties a customer to a port). */
export async function customerIdsByPlant(db: TenantScope, target: { odpId?: string; area?: string }): Promise<string[]> {
  const tenantId = db.tenantId;
  const rows = await db.$queryRaw<{ customerId: string }[]>`
    SELECT d."customerId" FROM "FtthDrop" d JOIN "FtthNode" n ON n."tenantId" = d."tenantId" AND n.id = d."odpId"
    WHERE d."tenantId" = ${tenantId}::uuid
      AND (${target.odpId ?? null}::uuid IS NULL OR n.id = ${target.odpId ?? null}::uuid)
      AND (${target.area ?? null}::text IS NULL OR lower(n.area) = lower(${target.area ?? null}::text))`;
  return rows.map((r) => r.customerId);
}

/** Locks the customers (in id order, as payments do one at a time) and returns those that exist. */
export async function lockCustomers(tx: TenantTx, ids: string[]): Promise<string[]> {
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Customer" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
  return rows.map((r) => r.id);
}

export function openAssignments(db: TenantScope, customerIds: string[]) {
  return db.collectorAssignment.findMany({ where: { customerId: { in: customerIds }, endedAt: null }, select: { id: true, customerId: true, collectorId: true } });
}

export function findOpenAssignment(db: TenantScope, customerId: string) {
  return db.collectorAssignment.findFirst({ where: { customerId, endedAt: null }, select: { id: true, collectorId: true, promisedOn: true, promiseNote: true } });
}

export function endAssignments(db: TenantScope, ids: string[], by: string | null, at: Date) {
  return db.collectorAssignment.updateMany({ where: { id: { in: ids }, endedAt: null }, data: { endedAt: at, endedById: by } });
}

export function insertAssignments(db: TenantScope, rows: { customerId: string; collectorId: string; assignedById: string | null; assignedAt: Date }[]) {
  return db.collectorAssignment.createMany({ data: rows.map((r) => ({ ...r, tenantId: db.tenantId })) });
}

export function setPromise(db: TenantScope, assignmentId: string, promisedOn: Date | null, note: string | null) {
  return db.collectorAssignment.update({ where: { id: assignmentId }, data: { promisedOn, promiseNote: note } });
}

export async function assignmentHistory(db: TenantDb, customerId: string) {
  const tenantId = db.tenantId;
  return db.$queryRaw<{ id: string; collectorId: string; collectorName: string; assignedAt: Date; assignedByName: string | null; endedAt: Date | null; endedByName: string | null }[]>`
    SELECT a.id, a."collectorId", c.name AS "collectorName", a."assignedAt", b.name AS "assignedByName", a."endedAt", e.name AS "endedByName"
    FROM "CollectorAssignment" a
    JOIN "User" c ON c."tenantId" = a."tenantId" AND c.id = a."collectorId"
    LEFT JOIN "User" b ON b."tenantId" = a."tenantId" AND b.id = a."assignedById"
    LEFT JOIN "User" e ON e."tenantId" = a."tenantId" AND e.id = a."endedById"
    WHERE a."tenantId" = ${tenantId}::uuid AND a."customerId" = ${customerId}::uuid
    ORDER BY a."assignedAt" DESC, a.id`;
}

export type AssignmentListRow = {
  customerId: string; number: number; name: string; status: string; area: string | null; odpCode: string | null;
  collectorId: string | null; collectorName: string | null; assignedAt: Date | null;
};

/** Customers (not terminated) with their current collector, ordered by area. */
export async function listAssignments(db: TenantDb, filter: { collectorId?: string; unassigned?: boolean; search?: string }): Promise<AssignmentListRow[]> {
  const tenantId = db.tenantId;
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  return db.$queryRaw<AssignmentListRow[]>`
    SELECT c.id AS "customerId", c.number, c.name, c.status::text AS status, n.area, n.code AS "odpCode",
      a."collectorId", u.name AS "collectorName", a."assignedAt"
    FROM "Customer" c
    LEFT JOIN "CollectorAssignment" a ON a."tenantId" = c."tenantId" AND a."customerId" = c.id AND a."endedAt" IS NULL
    LEFT JOIN "User" u ON u."tenantId" = a."tenantId" AND u.id = a."collectorId"
    LEFT JOIN "FtthDrop" d ON d."tenantId" = c."tenantId" AND d."customerId" = c.id
    LEFT JOIN "FtthNode" n ON n."tenantId" = d."tenantId" AND n.id = d."odpId"
    WHERE c."tenantId" = ${tenantId}::uuid AND c.status <> 'terminated'
      AND (${filter.collectorId ?? null}::uuid IS NULL OR a."collectorId" = ${filter.collectorId ?? null}::uuid)
      AND (${filter.unassigned ?? false} = false OR a.id IS NULL)
      AND (${search}::text IS NULL OR c.name ILIKE ${search}::text OR c.address ILIKE ${search}::text OR n.area ILIKE ${search}::text)
    ORDER BY n.area NULLS LAST, n.code NULLS LAST, c.name
    LIMIT 2000`;
}

// ── The round ───────────────────────────────────────────────────────────────────────────────

export type RoundSqlRow = {
  customerId: string; number: number; name: string; phone: string | null; address: string | null;
  latitude: number | null; longitude: number | null; status: string; area: string | null; odpCode: string | null;
  owed: bigint | null; overdue: bigint | null; openInvoices: number; oldestDue: Date | null; promisedOn: Date | null; promiseNote: string | null;
};

/** The collector's own open assignments with what each customer owes, ordered by area then ODP. */
export function roundOf(db: TenantDb, collectorId: string): Promise<RoundSqlRow[]> {
  const tenantId = db.tenantId;
  return db.$queryRaw<RoundSqlRow[]>`
    SELECT c.id AS "customerId", c.number, c.name, c.phone, c.address, c.latitude, c.longitude, c.status::text AS status,
      n.area, n.code AS "odpCode",
      sum(i."totalIdr" - i."paidIdr") AS owed,
      sum(i."totalIdr" - i."paidIdr") FILTER (WHERE i.status = 'overdue') AS overdue,
      count(i.id)::int AS "openInvoices", min(i."dueDate") AS "oldestDue",
      a."promisedOn", a."promiseNote"
    FROM "CollectorAssignment" a
    JOIN "Customer" c ON c."tenantId" = a."tenantId" AND c.id = a."customerId"
    LEFT JOIN "FtthDrop" d ON d."tenantId" = c."tenantId" AND d."customerId" = c.id
    LEFT JOIN "FtthNode" n ON n."tenantId" = d."tenantId" AND n.id = d."odpId"
    LEFT JOIN "Invoice" i ON i."tenantId" = c."tenantId" AND i."customerId" = c.id AND i.status IN ('issued', 'partially_paid', 'overdue')
    WHERE a."tenantId" = ${tenantId}::uuid AND a."collectorId" = ${collectorId}::uuid AND a."endedAt" IS NULL
    GROUP BY c.id, n.area, n.code, a."promisedOn", a."promiseNote"
    ORDER BY n.area NULLS LAST, n.code NULLS LAST, c.address NULLS LAST, c.name`;
}

// ── Collections and the custody ledger ──────────────────────────────────────────────────────

export function insertCollection(tx: TenantTx, data: {
  collectorId: string; customerId: string; paymentId: string; amountIdr: number; collectedAt: Date;
  latitude: number | null; longitude: number | null; accuracyM: number | null; photoFileId: string | null;
}) {
  return tx.cashCollection.create({ data: { ...data, tenantId: tx.tenantId }, select: { id: true } });
}

export function findCollectionByPayment(db: TenantScope, paymentId: string) {
  return db.cashCollection.findFirst({ where: { paymentId }, select: { id: true, collectorId: true } });
}

export function addCustodyEntry(tx: TenantTx, data: { collectorId: string; kind: "collection" | "deposit"; amountIdr: number; collectionId?: string; depositId?: string }) {
  return tx.custodyEntry.create({ data: { ...data, tenantId: tx.tenantId }, select: { id: true } });
}

/** Serialises one collector's deposits (declarations and confirmations) for the transaction. */
export async function lockCollector(tx: TenantTx, collectorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`custody:${tx.tenantId}:${collectorId}`}, 0))`;
}

export async function heldBy(db: TenantScope, collectorId: string): Promise<number> {
  const tenantId = db.tenantId;
  const [row] = await db.$queryRaw<{ held: bigint | null }[]>`
    SELECT sum("amountIdr") AS held FROM "CustodyEntry" WHERE "tenantId" = ${tenantId}::uuid AND "collectorId" = ${collectorId}::uuid`;
  return num(row?.held);
}

export async function pendingDeposits(db: TenantScope, collectorId: string): Promise<number> {
  const tenantId = db.tenantId;
  const [row] = await db.$queryRaw<{ pending: bigint | null }[]>`
    SELECT sum("declaredIdr") AS pending FROM "CollectorDeposit"
    WHERE "tenantId" = ${tenantId}::uuid AND "collectorId" = ${collectorId}::uuid AND status = 'declared'`;
  return num(row?.pending);
}

export async function totalHeld(db: TenantDb): Promise<{ heldIdr: number; collectors: number }> {
  const tenantId = db.tenantId;
  const [row] = await db.$queryRaw<{ held: bigint | null; collectors: number }[]>`
    SELECT sum(h) AS held, count(*) FILTER (WHERE h <> 0)::int AS collectors FROM (
      SELECT sum("amountIdr") AS h FROM "CustodyEntry" WHERE "tenantId" = ${tenantId}::uuid GROUP BY "collectorId"
    ) x`;
  return { heldIdr: num(row?.held), collectors: row?.collectors ?? 0 };
}

/** The latest ledger entries with the running balance after each (newest first). */
export async function ledgerOf(db: TenantDb, collectorId: string, limit: number) {
  const tenantId = db.tenantId;
  const rows = await db.$queryRaw<{ id: string; kind: "collection" | "deposit"; amountIdr: number; balance: bigint; createdAt: Date; label: string | null }[]>`
    SELECT * FROM (
      SELECT e.id, e.kind::text AS kind, e."amountIdr", sum(e."amountIdr") OVER (ORDER BY e."createdAt", e.id) AS balance, e."createdAt",
        coalesce(cu.name, NULL) AS label
      FROM "CustodyEntry" e
      LEFT JOIN "CashCollection" cc ON cc."tenantId" = e."tenantId" AND cc.id = e."collectionId"
      LEFT JOIN "Customer" cu ON cu."tenantId" = cc."tenantId" AND cu.id = cc."customerId"
      WHERE e."tenantId" = ${tenantId}::uuid AND e."collectorId" = ${collectorId}::uuid
    ) x ORDER BY "createdAt" DESC, id DESC LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, kind: r.kind, amountIdr: r.amountIdr, balanceIdr: num(r.balance), at: r.createdAt.toISOString(), label: r.label }));
}

export type LedgerCollectionRow = {
  id: string; paymentId: string; year: number; number: number; customerId: string; customerName: string; amountIdr: number;
  collectedAt: Date; latitude: number | null; longitude: number | null; photoFileId: string | null;
};

/** The ledger's credits of one collector whose cash was taken in [from, to), newest first, with their collection. */
export function collectionsOf(db: TenantScope, filter: { collectorId: string; from: Date; to: Date }): Promise<LedgerCollectionRow[]> {
  const tenantId = db.tenantId;
  return db.$queryRaw<LedgerCollectionRow[]>`
    SELECT cc.id, cc."paymentId", p.year, p.number, cc."customerId", cu.name AS "customerName", e."amountIdr",
      cc."collectedAt", cc.latitude, cc.longitude, cc."photoFileId"
    FROM "CustodyEntry" e
    JOIN "CashCollection" cc ON cc."tenantId" = e."tenantId" AND cc.id = e."collectionId"
    JOIN "Payment" p ON p."tenantId" = cc."tenantId" AND p.id = cc."paymentId"
    JOIN "Customer" cu ON cu."tenantId" = cc."tenantId" AND cu.id = cc."customerId"
    WHERE e."tenantId" = ${tenantId}::uuid AND e."collectorId" = ${filter.collectorId}::uuid AND e.kind = 'collection'
      AND cc."collectedAt" >= ${filter.from} AND cc."collectedAt" < ${filter.to}
    ORDER BY cc."collectedAt" DESC, cc.id DESC`;
}

// ── Deposits ────────────────────────────────────────────────────────────────────────────────

export function findDepositByKey(db: TenantScope, idempotencyKey: string) {
  return db.collectorDeposit.findFirst({ where: { idempotencyKey } });
}

export function insertDeposit(tx: TenantTx, data: { collectorId: string; declaredIdr: number; collectorNote: string | null; idempotencyKey: string }) {
  return tx.collectorDeposit.create({ data: { ...data, tenantId: tx.tenantId } });
}

export function findDeposit(db: TenantScope, id: string) {
  return db.collectorDeposit.findFirst({ where: { id } });
}

/** Confirms a still-declared deposit; 0 when someone confirmed it first. */
export async function confirmDepositRow(tx: TenantTx, id: string, data: { receivedIdr: number; varianceIdr: number; note: string | null; confirmedById: string; confirmedAt: Date }): Promise<number> {
  const result = await tx.collectorDeposit.updateMany({ where: { id, status: "declared" }, data: { ...data, status: "confirmed" } });
  return result.count;
}

export type DepositSqlRow = {
  id: string; collectorId: string; collectorName: string; declaredIdr: number; collectorNote: string | null; status: "declared" | "confirmed";
  receivedIdr: number | null; varianceIdr: number | null; note: string | null; declaredAt: Date; confirmedAt: Date | null; confirmedByName: string | null;
};

export function listDeposits(db: TenantDb, filter: { status?: "declared" | "confirmed"; collectorId?: string; id?: string }): Promise<DepositSqlRow[]> {
  const tenantId = db.tenantId;
  return db.$queryRaw<DepositSqlRow[]>`
    SELECT d.id, d."collectorId", u.name AS "collectorName", d."declaredIdr", d."collectorNote", d.status::text AS status,
      d."receivedIdr", d."varianceIdr", d.note, d."declaredAt", d."confirmedAt", f.name AS "confirmedByName"
    FROM "CollectorDeposit" d
    JOIN "User" u ON u."tenantId" = d."tenantId" AND u.id = d."collectorId"
    LEFT JOIN "User" f ON f."tenantId" = d."tenantId" AND f.id = d."confirmedById"
    WHERE d."tenantId" = ${tenantId}::uuid
      AND (${filter.status ?? null}::text IS NULL OR d.status::text = ${filter.status ?? null}::text)
      AND (${filter.collectorId ?? null}::uuid IS NULL OR d."collectorId" = ${filter.collectorId ?? null}::uuid)
      AND (${filter.id ?? null}::uuid IS NULL OR d.id = ${filter.id ?? null}::uuid)
    ORDER BY (d.status = 'declared') DESC, d."declaredAt" DESC
    LIMIT 500`;
}

// ── Commission rule and figures ─────────────────────────────────────────────────────────────

export function findCommissionRule(db: TenantScope) {
  return db.collectorCommissionRule.findFirst({ select: { kind: true, percentBp: true, amountPerInvoiceIdr: true } });
}

export function saveCommissionRule(db: TenantScope, rule: { kind: "none" | "percent_of_collected" | "per_paid_invoice"; percentBp: number; amountPerInvoiceIdr: number }) {
  return db.collectorCommissionRule.upsert({ where: { tenantId: db.tenantId }, create: { ...rule, tenantId: db.tenantId }, update: rule });
}

/**
 * Per collector and local day in [from, to): cash collected, and invoices their cash finished paying
 * (the allocation that completed an invoice came from one of their collections).
 */
export async function collectedByDay(db: TenantScope, input: { from: Date; to: Date; timeZone: string; collectorId?: string }) {
  const tenantId = db.tenantId;
  const collected = await db.$queryRaw<{ collectorId: string; day: string; amount: bigint; count: number }[]>`
    SELECT "collectorId", to_char(("collectedAt" AT TIME ZONE ${input.timeZone})::date, 'YYYY-MM-DD') AS day, sum("amountIdr") AS amount, count(*)::int AS count
    FROM "CashCollection"
    WHERE "tenantId" = ${tenantId}::uuid AND "collectedAt" >= ${input.from} AND "collectedAt" < ${input.to}
      AND (${input.collectorId ?? null}::uuid IS NULL OR "collectorId" = ${input.collectorId ?? null}::uuid)
    GROUP BY 1, 2`;
  const paid = await db.$queryRaw<{ collectorId: string; day: string; count: number }[]>`
    WITH finishing AS (
      SELECT DISTINCT ON (pa."invoiceId") pa."invoiceId", pa."paymentId", i."paidAt"
      FROM "Invoice" i JOIN "PaymentAllocation" pa ON pa."tenantId" = i."tenantId" AND pa."invoiceId" = i.id
      WHERE i."tenantId" = ${tenantId}::uuid AND i.status = 'paid' AND i."paidAt" >= ${input.from} AND i."paidAt" < ${input.to}
      ORDER BY pa."invoiceId", pa."createdAt" DESC, pa.id DESC
    )
    SELECT cc."collectorId", to_char((f."paidAt" AT TIME ZONE ${input.timeZone})::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM finishing f JOIN "CashCollection" cc ON cc."tenantId" = ${tenantId}::uuid AND cc."paymentId" = f."paymentId"
    WHERE (${input.collectorId ?? null}::uuid IS NULL OR cc."collectorId" = ${input.collectorId ?? null}::uuid)
    GROUP BY 1, 2`;
  return {
    collected: collected.map((r) => ({ collectorId: r.collectorId, day: r.day, amountIdr: num(r.amount), count: r.count })),
    paid: paid.map((r) => ({ collectorId: r.collectorId, day: r.day, count: r.count })),
  };
}

/** Confirmed deposits per collector and local day of confirmation in [from, to). */
export async function depositsByDay(db: TenantScope, input: { from: Date; to: Date; timeZone: string; collectorId?: string }) {
  const tenantId = db.tenantId;
  const rows = await db.$queryRaw<{ collectorId: string; day: string; received: bigint; variance: bigint }[]>`
    SELECT "collectorId", to_char(("confirmedAt" AT TIME ZONE ${input.timeZone})::date, 'YYYY-MM-DD') AS day, sum("receivedIdr") AS received, sum("varianceIdr") AS variance
    FROM "CollectorDeposit"
    WHERE "tenantId" = ${tenantId}::uuid AND status = 'confirmed' AND "confirmedAt" >= ${input.from} AND "confirmedAt" < ${input.to}
      AND (${input.collectorId ?? null}::uuid IS NULL OR "collectorId" = ${input.collectorId ?? null}::uuid)
    GROUP BY 1, 2`;
  return rows.map((r) => ({ collectorId: r.collectorId, day: r.day, receivedIdr: num(r.received), varianceIdr: num(r.variance) }));
}

/** Ledger movement per collector and local day in [from, to), and each collector's balance before `from`. */
export async function custodyByDay(db: TenantScope, input: { from: Date; to: Date; timeZone: string; collectorId?: string }) {
  const tenantId = db.tenantId;
  const opening = await db.$queryRaw<{ collectorId: string; held: bigint }[]>`
    SELECT "collectorId", sum("amountIdr") AS held FROM "CustodyEntry"
    WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" < ${input.from}
      AND (${input.collectorId ?? null}::uuid IS NULL OR "collectorId" = ${input.collectorId ?? null}::uuid)
    GROUP BY 1`;
  const moves = await db.$queryRaw<{ collectorId: string; day: string; amount: bigint }[]>`
    SELECT "collectorId", to_char(("createdAt" AT TIME ZONE ${input.timeZone})::date, 'YYYY-MM-DD') AS day, sum("amountIdr") AS amount FROM "CustodyEntry"
    WHERE "tenantId" = ${tenantId}::uuid AND "createdAt" >= ${input.from} AND "createdAt" < ${input.to}
      AND (${input.collectorId ?? null}::uuid IS NULL OR "collectorId" = ${input.collectorId ?? null}::uuid)
    GROUP BY 1, 2`;
  return {
    opening: opening.map((r) => ({ collectorId: r.collectorId, heldIdr: num(r.held) })),
    moves: moves.map((r) => ({ collectorId: r.collectorId, day: r.day, amountIdr: num(r.amount) })),
  };
}

export function usersByIds(db: TenantScope, ids: string[]): Promise<{ id: string; name: string }[]> {
  const tenantId = db.tenantId;
  return db.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${ids}::uuid[])`;
}
