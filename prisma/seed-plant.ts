// Demo Net's fibre plant (FTTH map): two OLTs at the POP, four ODCs (one cascaded), 32 ODPs along
// the streets of Sukamaju (one cascaded) and the six subscribers on ports of the ODPs nearest to
// them. Only when the tenant has no plant yet (idempotent).
import { forTenant } from "@/server/db";

const POP = { lat: -6.9160, lng: 107.6170 };

type Spec = { code: string; name: string; lat: number; lng: number; ports: number; splitterRatio: string; area: string };

export async function seedDemoPlant(tenantId: string): Promise<void> {
  const db = forTenant(tenantId);
  if ((await db.ftthNode.count()) > 0) return;
  await db.$transaction(
    async (tx) => {
      const make = async (type: "olt" | "odc" | "odp", s: Spec, parentId: string | null, parentPort: number | null, installedOn: string) => {
        const node = await tx.ftthNode.create({
          data: { tenantId, type, code: s.code, name: s.name, latitude: s.lat, longitude: s.lng, ports: s.ports, splitterRatio: s.splitterRatio, area: s.area, installedOn: new Date(`${installedOn}T00:00:00Z`) },
        });
        if (parentId) {
          const lengthM = Math.round(distance(s, await tx.ftthNode.findFirstOrThrow({ where: { id: parentId } })));
          // Loss: 0.35 dB/km of fibre plus the splitter this span feeds (1:8 ≈ 10.5 dB, 1:4 ≈ 7.2 dB).
          const lossDb = Math.round((lengthM * 0.00035 + (s.splitterRatio === "1:8" ? 10.5 : 7.2)) * 100) / 100;
          await tx.ftthLink.create({ data: { tenantId, parentId, childId: node.id, parentPort, lengthM, lossDb } });
        }
        return node;
      };
      const olt1 = await make("olt", { code: "OLT-POP-1", name: "OLT POP Sukamaju 1", lat: POP.lat, lng: POP.lng, ports: 16, splitterRatio: "1:4", area: "POP" }, null, null, "2025-11-01");
      const olt2 = await make("olt", { code: "OLT-POP-2", name: "OLT POP Sukamaju 2", lat: POP.lat + 0.0002, lng: POP.lng + 0.0002, ports: 8, splitterRatio: "1:4", area: "POP" }, null, null, "2026-04-01");
      const odcs = [
        await make("odc", { code: "ODC-SKM-01", name: "ODC Jl. Melati", lat: -6.9172, lng: 107.6188, ports: 8, splitterRatio: "1:4", area: "RW 05" }, olt1.id, 1, "2025-11-10"),
        await make("odc", { code: "ODC-SKM-02", name: "ODC Jl. Raya Sukamaju", lat: -6.9150, lng: 107.6215, ports: 8, splitterRatio: "1:4", area: "RW 06" }, olt1.id, 2, "2025-12-01"),
        await make("odc", { code: "ODC-SKM-03", name: "ODC Pasar", lat: -6.9195, lng: 107.6150, ports: 8, splitterRatio: "1:4", area: "RW 07" }, olt2.id, 1, "2026-04-05"),
      ];
      // A cabinet fed from the first one, further down Gg. Kenanga.
      odcs.push(await make("odc", { code: "ODC-SKM-01B", name: "ODC Gg. Kenanga", lat: -6.9190, lng: 107.6180, ports: 8, splitterRatio: "1:4", area: "RW 05" }, odcs[0]!.id, 8, "2026-02-15"));
      const odps: { id: string; lat: number; lng: number }[] = [];
      let n = 0;
      for (const [i, odc] of odcs.entries()) {
        for (let k = 0; k < 8; k++) {
          if (i === 0 && k === 7) continue; // port 8 of ODC-SKM-01 feeds ODC-SKM-01B
          n += 1;
          const angle = (k / 8) * 2 * Math.PI;
          const s = { code: `ODP-SKM-${String(n).padStart(3, "0")}`, name: `ODP ${odc.name.replace("ODC ", "")} ${k + 1}`, lat: odc.latitude + 0.0009 * Math.sin(angle), lng: odc.longitude + 0.0011 * Math.cos(angle), ports: k % 3 === 0 ? 16 : 8, splitterRatio: "1:8", area: odc.area ?? "RW 05" };
          const odp = await make("odp", s, odc.id, k + 1, "2026-01-10");
          odps.push({ id: odp.id, lat: s.lat, lng: s.lng });
        }
      }
      // One ODP cascaded from another (a long alley).
      const cascadeFrom = odps[2]!;
      const cascade = await make("odp", { code: "ODP-SKM-100", name: "ODP Gg. Melati ujung", lat: cascadeFrom.lat - 0.0006, lng: cascadeFrom.lng + 0.0003, ports: 8, splitterRatio: "1:8", area: "RW 05" }, cascadeFrom.id, 8, "2026-03-01");
      odps.push({ id: cascade.id, lat: cascade.latitude, lng: cascade.longitude });
      // Each subscriber on the nearest ODP, next free port.
      const nextPort = new Map<string, number>([[cascadeFrom.id, 1]]);
      for (const c of await tx.customer.findMany({ where: { latitude: { not: null }, longitude: { not: null } }, orderBy: { number: "asc" } })) {
        const here = { lat: c.latitude!, lng: c.longitude! };
        const odp = [...odps].sort((a, b) => distance(here, a) - distance(here, b))[0]!;
        const port = nextPort.get(odp.id) ?? 1;
        nextPort.set(odp.id, port + 1);
        await tx.ftthDrop.create({ data: { tenantId, odpId: odp.id, port, customerId: c.id, lengthM: Math.round(distance(here, odp)), lossDb: 0.5 } });
      }
    },
    { timeout: 60_000 },
  );
}

function distance(a: { lat: number; lng: number } | { latitude: number; longitude: number }, b: { lat: number; lng: number } | { latitude: number; longitude: number }): number {
  const la = "lat" in a ? a.lat : a.latitude;
  const lo = "lng" in a ? a.lng : a.longitude;
  const lb = "lat" in b ? b.lat : b.latitude;
  const ob = "lng" in b ? b.lng : b.longitude;
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(lb - la) / 2) ** 2 + Math.cos(r(la)) * Math.cos(r(lb)) * Math.sin(r(ob - lo) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
