// Outage propagation benchmark (npm run bench:outage; scripts/bench-outage.sh recreates and
// migrates the scratch database first). Seeds one tenant's plant in SQL (not timed): 10 OLTs,
// 200 ODCs (20 per OLT), 2 000 ODPs (10 per ODC) and 20 000 customers (10 per ODP), then marks
// one OLT down through the production service (setNodeStatus: the recursive statement that finds,
// records and notifies the affected set, in its transaction) and prints
//   bench:outage customers=20000 affected=… ms=…
// ms is the median of 5 runs (each on another OLT, resolved again after). Goal: under 100 ms.
// Exit 0 whether or not the goal is met; non-zero when the run fails or the affected set is wrong.
import { systemActor } from "@/server/actor/actor";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { setNodeStatus } from "@/server/modules/ftth/outage.service";
import { closeConnections } from "@/server/testing/lifecycle";

const OLTS = 10;
const ODC_PER_OLT = 20;
const ODP_PER_ODC = 10;
const CUSTOMERS_PER_ODP = 10;
const CUSTOMERS = OLTS * ODC_PER_OLT * ODP_PER_ODC * CUSTOMERS_PER_ODP;
const RUNS = 5;

async function seed(): Promise<string> {
  const sys = unsafeSystemDb();
  const plan = await sys.plan.upsert({
    where: { code: "bench-outage" },
    create: { code: "bench-outage", name: "bench", priceIdr: 0, maxCustomers: 1_000_000, maxRouters: 100, maxStaff: 100, features: ["maps"], apiRateLimitPerMinute: 1_000_000 },
    update: {},
  });
  const tenant = await sys.tenant.create({ data: { slug: `bench-outage-${Date.now()}`, name: "Bench Outage Net", planId: plan.id } });
  const t = tenant.id;
  await sys.$executeRawUnsafe(
    `
    WITH olt AS (
      INSERT INTO "FtthNode" (id, "tenantId", type, code, name, latitude, longitude, ports, "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, 'olt', 'OLT-' || o, 'OLT ' || o, -6.9 + o * 0.01, 107.6, 16, now() FROM generate_series(1, ${OLTS}) o
      RETURNING id, code
    )
    SELECT count(*) FROM olt`,
    t,
  );
  await sys.$executeRawUnsafe(
    `
    INSERT INTO "FtthNode" (id, "tenantId", type, code, name, latitude, longitude, ports, "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, 'odc', 'ODC-' || o || '-' || c, 'ODC', -6.9 + o * 0.01 + c * 0.0003, 107.61, 16, now()
    FROM generate_series(1, ${OLTS}) o, generate_series(1, ${ODC_PER_OLT}) c`,
    t,
  );
  await sys.$executeRawUnsafe(
    `
    INSERT INTO "FtthLink" (id, "tenantId", "parentId", "childId", "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, p.id, c.id, now()
    FROM "FtthNode" c JOIN "FtthNode" p ON p."tenantId" = c."tenantId" AND p.code = 'OLT-' || split_part(c.code, '-', 2)
    WHERE c."tenantId" = $1::uuid AND c.type = 'odc'`,
    t,
  );
  await sys.$executeRawUnsafe(
    `
    INSERT INTO "FtthNode" (id, "tenantId", type, code, name, latitude, longitude, ports, "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, 'odp', c.code || '-' || k, 'ODP', c.latitude + k * 0.00002, c.longitude + k * 0.00002, 16, now()
    FROM "FtthNode" c, generate_series(1, ${ODP_PER_ODC}) k WHERE c."tenantId" = $1::uuid AND c.type = 'odc'`,
    t,
  );
  await sys.$executeRawUnsafe(
    `
    INSERT INTO "FtthLink" (id, "tenantId", "parentId", "childId", "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, p.id, c.id, now()
    FROM "FtthNode" c JOIN "FtthNode" p ON p."tenantId" = c."tenantId" AND p.type = 'odc' AND p.code = regexp_replace(c.code, '-[0-9]+$', '')
    WHERE c."tenantId" = $1::uuid AND c.type = 'odp'`,
    t,
  );
  await sys.$executeRawUnsafe(
    `
    WITH odp AS (SELECT id, latitude, longitude, row_number() OVER (ORDER BY code) AS r FROM "FtthNode" WHERE "tenantId" = $1::uuid AND type = 'odp'),
    cust AS (
      INSERT INTO "Customer" (id, "tenantId", number, name, status, latitude, longitude, "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, (odp.r - 1) * ${CUSTOMERS_PER_ODP} + k, 'Pelanggan ' || ((odp.r - 1) * ${CUSTOMERS_PER_ODP} + k), 'active', odp.latitude, odp.longitude, now()
      FROM odp, generate_series(1, ${CUSTOMERS_PER_ODP}) k
      RETURNING id, number
    )
    INSERT INTO "FtthDrop" (id, "tenantId", "odpId", port, "customerId")
    SELECT gen_random_uuid(), $1::uuid, odp.id, ((cust.number - 1) % ${CUSTOMERS_PER_ODP}) + 1, cust.id
    FROM cust JOIN odp ON odp.r = ((cust.number - 1) / ${CUSTOMERS_PER_ODP}) + 1`,
    t,
  );
  await sys.$executeRawUnsafe(`ANALYZE "FtthNode"; `);
  await sys.$executeRawUnsafe(`ANALYZE "FtthLink"`);
  await sys.$executeRawUnsafe(`ANALYZE "FtthDrop"`);
  return t;
}

async function main() {
  const tenantId = await seed();
  const db = forTenant(tenantId);
  const actor = systemActor("bench:outage", { tenantId });
  const counts = { customers: await db.customer.count(), odp: await db.ftthNode.count({ where: { type: "odp" } }) };
  if (counts.customers !== CUSTOMERS || counts.odp !== OLTS * ODC_PER_OLT * ODP_PER_ODC) throw new Error(`seed wrong: ${JSON.stringify(counts)}`);
  const olts = await db.ftthNode.findMany({ where: { type: "olt" }, orderBy: { code: "asc" } });
  const expected = CUSTOMERS / OLTS;
  const times: number[] = [];
  let affected = 0;
  for (let i = 0; i < RUNS; i++) {
    const olt = olts[i % olts.length]!;
    const start = performance.now();
    const change = await setNodeStatus(db, actor, { id: olt.id, status: "down", notes: null });
    times.push(performance.now() - start);
    affected = change.incident?.affectedCustomers ?? -1;
    if (affected !== expected || change.incident?.notified !== expected) throw new Error(`OLT ${olt.code}: affected ${affected}, notified ${change.incident?.notified}, expected ${expected}`);
    await setNodeStatus(db, actor, { id: olt.id, status: "up", notes: null });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`bench:outage customers=${counts.customers} affected=${affected} ms=${Math.round(median)}`);
}

main()
  .then(() => closeConnections())
  .catch(async (error) => {
    console.error(error);
    await closeConnections();
    process.exit(1);
  });
