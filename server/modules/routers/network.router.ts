import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { reconcileRouter } from "./drift.service";
import { importFromRouter, previewImport } from "./import.service";
import { onboardingScript } from "./onboarding.service";
import { changeAccountPassword, placeAccount } from "./provisioning.service";
import { getNetworkSettings, updateNetworkSettings } from "./network-settings.service";
import { customerNetwork, isolateCustomer, kickSession, listRouterSessions, networkOverview, restoreCustomer, retryCustomer } from "./sessions.service";
import {
  ZChangePasswordInput,
  ZCustomerNetwork,
  ZCustomerTarget,
  ZDriftInput,
  ZDriftReport,
  ZImportInput,
  ZImportPreview,
  ZImportPreviewInput,
  ZImportResult,
  ZIsolationSettings,
  ZKickInput,
  ZNetworkOverview,
  ZNetworkSettings,
  ZOnboardingScript,
  ZPlaceAccountInput,
  ZRouterSessions,
} from "./network.schema";

const read = requireCapability("network.read");
const manage = requireCapability("network.manage");
const routersManage = requireCapability("routers.manage");

export const networkRouter = router({
  /** Isolated customers, how many the routers confirmed, accounts whose isolation did not take. */
  overview: read.output(ZNetworkOverview).query(({ ctx }) => networkOverview(ctx.db, ctx.actor)),
  /** The customer's accounts (password for network.manage only) and live sessions. */
  customer: read.input(ZCustomerTarget).output(ZCustomerNetwork).query(({ ctx, input }) => customerNetwork(ctx.db, ctx.actor, input.customerId, ctx.tenant.timezone)),
  isolate: manage.input(ZCustomerTarget).mutation(({ ctx, input }) => isolateCustomer(ctx.db, ctx.actor, input.customerId)),
  restore: manage.input(ZCustomerTarget).mutation(({ ctx, input }) => restoreCustomer(ctx.db, ctx.actor, input.customerId)),
  retry: manage.input(ZCustomerTarget).mutation(({ ctx, input }) => retryCustomer(ctx.db, ctx.actor, input.customerId)),
  changePassword: manage
    .input(ZChangePasswordInput)
    .output(z.object({ password: z.string() }))
    .mutation(({ ctx, input }) => changeAccountPassword(ctx.db, ctx.actor, input)),
  placeAccount: manage.input(ZPlaceAccountInput).mutation(({ ctx, input }) => placeAccount(ctx.db, ctx.actor, input)),
  sessions: read.input(z.object({ routerId: z.uuid() })).output(ZRouterSessions).query(({ ctx, input }) => listRouterSessions(ctx.db, ctx.actor, input.routerId)),
  kick: manage.input(ZKickInput).mutation(({ ctx, input }) => kickSession(ctx.db, ctx.actor, input)),
  /** The dry run: reads the router once per table and lists every difference. */
  drift: read.input(z.object({ routerId: z.uuid() })).output(ZDriftReport).query(({ ctx, input }) => reconcileRouter(ctx.db, ctx.actor, { routerId: input.routerId, fix: "none" })),
  /** Repairs all differences, or the listed item keys: one write per difference. */
  fixDrift: manage.input(ZDriftInput).output(ZDriftReport).mutation(({ ctx, input }) => reconcileRouter(ctx.db, ctx.actor, { routerId: input.routerId, fix: input.fix })),
  settings: read.output(ZNetworkSettings).query(({ ctx }) => getNetworkSettings(ctx.db)),
  updateSettings: routersManage.input(ZIsolationSettings).output(ZNetworkSettings).mutation(({ ctx, input }) => updateNetworkSettings(ctx.db, ctx.actor, input)),
  importPreview: routersManage.input(ZImportPreviewInput).output(ZImportPreview).mutation(({ ctx, input }) => previewImport(ctx.db, ctx.actor, input.routerId)),
  import: routersManage.input(ZImportInput).output(ZImportResult).mutation(({ ctx, input }) => importFromRouter(ctx.db, ctx.actor, input)),
  onboardingScript: routersManage.input(z.object({ routerId: z.uuid() })).output(ZOnboardingScript).query(({ ctx, input }) => onboardingScript(ctx.db, input.routerId)),
});
