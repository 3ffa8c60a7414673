// The signed-in operator's own security on admin.<ROOT_DOMAIN>: the same procedures, inputs
// and outputs as the tenant's `account` router, so the account cards serve both. In production
// an operator without 2FA reaches only what sets it up (and their own sessions).
import "server-only";
import { z } from "zod";
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
} from "@/server/modules/identity/account.schema";
import { changePassword, getOwnLocale, listOwnSessions, revokeOwnSession, setOwnLocale, signOutEverywhere } from "@/server/modules/identity/account.service";
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from "@/server/modules/identity/two-factor.service";
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
import type { OperatorActor } from "@/server/actor/actor";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { CONSOLE_ISSUER_LABEL, platformAccountStore } from "./platform-account.service";
import type { PlatformSession } from "./platform-session.service";

const account = platformProcedure("platform.account");
const beforeSetup = account.meta({ allowWithoutTwoFactor: true });

const storeOf = (ctx: { db: SystemDb; actor: OperatorActor; session: PlatformSession }) => platformAccountStore(ctx.db, ctx.actor, ctx.session.sessionId);

export const platformAccountRouter = router({
  /** Ends every session of the operator, this one included: the UI sends them to /login. */
  changePassword: account
    .input(ZChangePasswordInput)
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(({ ctx, input }) => changePassword(storeOf(ctx), input)),
  signOutEverywhere: beforeSetup.output(z.object({ revoked: z.number().int() })).mutation(({ ctx }) => signOutEverywhere(storeOf(ctx))),
  sessions: beforeSetup.output(z.array(ZAccountSession)).query(({ ctx }) => listOwnSessions(storeOf(ctx))),
  revokeSession: beforeSetup
    .input(ZRevokeSessionInput)
    .output(z.object({ current: z.boolean() }))
    .mutation(({ ctx, input }) => revokeOwnSession(storeOf(ctx), input.sessionId)),
  /** The operator's own language for the console; null is Bahasa Indonesia. */
  locale: beforeSetup.output(ZOwnLocale).query(({ ctx }) => getOwnLocale(storeOf(ctx))),
  setLocale: beforeSetup.input(ZSetLocaleInput).output(ZOwnLocale).mutation(({ ctx, input }) => setOwnLocale(storeOf(ctx), input.locale)),
  twoFactor: router({
    status: beforeSetup.output(ZTwoFactorStatus).query(({ ctx }) => twoFactorStatus(storeOf(ctx))),
    begin: beforeSetup.output(ZTwoFactorBegin).mutation(({ ctx }) => beginTwoFactor(storeOf(ctx), CONSOLE_ISSUER_LABEL)),
    /** Returns the recovery codes once. */
    confirm: beforeSetup
      .input(ZConfirmTwoFactorInput)
      .output(ZRecoveryCodes)
      .mutation(({ ctx, input }) => confirmTwoFactor(storeOf(ctx), input.code)),
    /** Refused (FORBIDDEN, reason required_in_production) when APP_ENV=production. */
    disable: account
      .input(ZDisableTwoFactorInput)
      .output(z.object({ enabled: z.literal(false) }))
      .mutation(({ ctx, input }) => disableTwoFactor(storeOf(ctx), input)),
    /** Returns the new recovery codes once; the old ones stop working. */
    regenerateRecoveryCodes: account
      .input(ZRegenerateRecoveryCodesInput)
      .output(ZRecoveryCodes)
      .mutation(({ ctx, input }) => regenerateRecoveryCodes(storeOf(ctx), input.code)),
  }),
});
