// The signed-in staff user's own security settings. Everything here stays reachable while the
// ISP requires two-factor sign-in and the user has not set it up yet (that is how they do).
import "server-only";
import { z } from "zod";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZAccountSession,
  ZChangePasswordInput,
  ZDisableTwoFactorInput,
  ZRecoveryCodes,
  ZRevokeSessionInput,
  ZConfirmTwoFactorInput,
  ZRegenerateRecoveryCodesInput,
  ZTwoFactorBegin,
  ZTwoFactorStatus,
  ZOwnLocale,
  ZSetLocaleInput,
} from "./account.schema";
import { changePassword, getOwnLocale, listOwnSessions, revokeOwnSession, setOwnLocale, signOutEverywhere, tenantAccountStore } from "./account.service";
import type { TenantSession } from "./session.service";
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from "./two-factor.service";

const accountProcedure = requireCapability("account.security").meta({ allowWithoutTwoFactor: true });

const storeOf = (ctx: { db: TenantDb; actor: UserActor; session: TenantSession }) => tenantAccountStore(ctx.db, ctx.actor, ctx.session.sessionId);

export const accountRouter = router({
  /** Ends every session of the user, this one included: the UI sends them to /login. */
  changePassword: accountProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(({ ctx, input }) => changePassword(storeOf(ctx), input)),
  signOutEverywhere: accountProcedure
    .output(z.object({ revoked: z.number().int() }))
    .mutation(({ ctx }) => signOutEverywhere(storeOf(ctx))),
  sessions: accountProcedure.output(z.array(ZAccountSession)).query(({ ctx }) => listOwnSessions(storeOf(ctx))),
  revokeSession: accountProcedure
    .input(ZRevokeSessionInput)
    .output(z.object({ current: z.boolean() }))
    .mutation(({ ctx, input }) => revokeOwnSession(storeOf(ctx), input.sessionId)),
  /** The user's own language; null follows the ISP's default. */
  locale: accountProcedure.output(ZOwnLocale).query(({ ctx }) => getOwnLocale(storeOf(ctx))),
  setLocale: accountProcedure
    .input(ZSetLocaleInput)
    .output(ZOwnLocale)
    // Choosing a language is no change to the ISP's data: allowed while it is read-only.
    .meta({ allowWhenReadOnly: true })
    .mutation(({ ctx, input }) => setOwnLocale(storeOf(ctx), input.locale)),
  twoFactor: router({
    status: accountProcedure.output(ZTwoFactorStatus).query(({ ctx }) => twoFactorStatus(storeOf(ctx))),
    begin: accountProcedure.output(ZTwoFactorBegin).mutation(({ ctx }) => beginTwoFactor(storeOf(ctx), ctx.tenant.name)),
    /** Returns the recovery codes once. */
    confirm: accountProcedure
      .input(ZConfirmTwoFactorInput)
      .output(ZRecoveryCodes)
      .mutation(({ ctx, input }) => confirmTwoFactor(storeOf(ctx), input.code)),
    disable: accountProcedure
      .input(ZDisableTwoFactorInput)
      .output(z.object({ enabled: z.literal(false) }))
      .mutation(({ ctx, input }) => disableTwoFactor(storeOf(ctx), input)),
    /** Returns the new recovery codes once; the old ones stop working. */
    regenerateRecoveryCodes: accountProcedure
      .input(ZRegenerateRecoveryCodesInput)
      .output(ZRecoveryCodes)
      .mutation(({ ctx, input }) => regenerateRecoveryCodes(storeOf(ctx), input.code)),
  }),
});
