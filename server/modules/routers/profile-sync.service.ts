// Puts every active package on a router as its profile (PPP profiles for PPPoE packages,
// hotspot user profiles for hotspot ones) with the package's rate limit: one read per profile
// table, then one write per difference — a second run sends no write. A dry run only plans.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { listPackages } from "@/server/modules/packages/package.service";
import { HOTSPOT_PROFILE, PPP_PROFILE } from "./driver/router-client";
import { PROFILE_COMMENT_PREFIX, planProfiles, type ProfilePlan } from "./package-profiles";
import { getRouterRowOrThrow, withRouter } from "./router.service";
import type { TProfileSyncResult } from "./routers.schema";

export async function syncPackageProfiles(db: TenantDb, actor: UserActor, input: { routerId: string; dryRun: boolean }): Promise<TProfileSyncResult> {
  const router = await getRouterRowOrThrow(db, input.routerId);
  const packages = await listPackages(db);
  const result = await withRouter(db, actor, router, async (client) => {
    const plans: Record<"pppoe" | "hotspot", ProfilePlan> = {
      pppoe: planProfiles(packages, await client.list(PPP_PROFILE), "pppoe"),
      hotspot: planProfiles(packages, await client.list(HOTSPOT_PROFILE), "hotspot"),
    };
    if (!input.dryRun) {
      for (const p of plans.pppoe.add) await client.add(PPP_PROFILE, { name: p.name, rateLimit: p.rateLimit, comment: `${PROFILE_COMMENT_PREFIX}${p.packageId}` });
      for (const p of plans.pppoe.set) await client.set(PPP_PROFILE, p.id, { name: p.name, rateLimit: p.rateLimit });
      for (const p of plans.hotspot.add) await client.add(HOTSPOT_PROFILE, { name: p.name, rateLimit: p.rateLimit });
      for (const p of plans.hotspot.set) await client.set(HOTSPOT_PROFILE, p.id, { name: p.name, rateLimit: p.rateLimit });
    }
    return { plans, commands: client.commandCount };
  });
  const summary = (plan: ProfilePlan) => ({ add: plan.add, set: plan.set, unchanged: plan.unchanged.length, conflicts: plan.conflicts });
  const changes = result.plans.pppoe.add.length + result.plans.pppoe.set.length + result.plans.hotspot.add.length + result.plans.hotspot.set.length;
  if (!input.dryRun && changes > 0) {
    await recordAudit(db, actor, { action: "router.profiles_synced", target: { type: "router", id: router.id }, details: { name: router.name, changes } });
  }
  return { dryRun: input.dryRun, pppoe: summary(result.plans.pppoe), hotspot: summary(result.plans.hotspot), commands: result.commands };
}
