// Two-factor sign-in set-up for a tenant's staff user: begin (a pending secret, sealed at
// rest, shown as otpauth URI + QR), confirm with a code (2FA on, ten one-time recovery codes
// shown once, stored as HMACs), disable (password + code; refused while the ISP requires it),
// and new recovery codes. A TOTP step is accepted once, here as at sign-in.
import QRCode from "qrcode";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import type { TRecoveryCodes, TTwoFactorBegin, TTwoFactorStatus } from "./account.schema";
import { assertOwnPassword, auditAccount, getAccountUserOrThrow, recordSecondFactorFailure, type AccountActor } from "./account.service";
import { checkSecondFactor, type SecondFactorUpdate } from "./second-factor";
import { open, seal } from "./secret-box";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "./totp";

async function tenantRequiresTwoFactor(db: TenantDb): Promise<boolean> {
  const tenant = await db.tenant.findFirst({ select: { requireTwoFactor: true } });
  return tenant?.requireTwoFactor ?? false;
}

export async function twoFactorStatus(db: TenantDb, actor: AccountActor): Promise<TTwoFactorStatus> {
  const user = await getAccountUserOrThrow(db, actor);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.totpEnabledAt ? user.recoveryCodeHashes.length : 0,
    requiredByTenant: actor.role !== "client" && (await tenantRequiresTwoFactor(db)),
  };
}

/** Starts (or restarts) enrollment: a fresh pending secret replaces any earlier one. */
export async function beginTwoFactor(db: TenantDb, actor: AccountActor, issuerLabel: string): Promise<TTwoFactorBegin> {
  const user = await getAccountUserOrThrow(db, actor);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", { reason: "already_enabled" }, "Two-factor sign-in is already on. Turn it off first to use a new authenticator.");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: seal(secret) } });
  const uri = totpUri(secret, `${user.email} (${issuerLabel})`);
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 240 });
  return { uri, qrDataUrl, secret };
}

/** Turns 2FA on when `code` matches the pending secret; returns the recovery codes, once. */
export async function confirmTwoFactor(db: TenantDb, actor: AccountActor, code: string): Promise<TRecoveryCodes> {
  const user = await getAccountUserOrThrow(db, actor);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", { reason: "already_enabled" }, "Two-factor sign-in is already on.");
  const pending = user.totpPendingSecret;
  if (!pending) throw new AppError("CONFLICT", { reason: "not_started" }, "Start the set-up first: scan a new QR code.");
  const step = verifyTotp(open(pending), code, null);
  if (step === null) throw new AppError("TWO_FACTOR_INVALID");
  const recoveryCodes = newRecoveryCodes();
  // Guarded on the pending secret: a set-up restarted meanwhile makes this code stale.
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpPendingSecret: pending, totpEnabledAt: null },
    data: { totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) },
  });
  if (count === 0) throw new AppError("CONFLICT", { reason: "setup_changed" }, "The set-up changed meanwhile. Scan the new QR code and try again.");
  await auditAccount(db, actor, "auth.2fa_enabled");
  return { recoveryCodes };
}

type SecondFactorUser = { id: string; totpSecret: string | null; totpLastStep: number | null; recoveryCodeHashes: string[] };

/**
 * Checks a TOTP or recovery code and stores what it consumes, conditionally on the state it was
 * checked against, so two requests cannot both spend the same code.
 */
async function consumeSecondFactor(db: TenantDb, actor: AccountActor, user: SecondFactorUser, code: string, extra: Record<string, unknown> = {}): Promise<void> {
  let update: SecondFactorUpdate;
  try {
    update = checkSecondFactor(user, code).update;
  } catch (error) {
    if (error instanceof AppError && error.code === "TWO_FACTOR_INVALID") await recordSecondFactorFailure(actor);
    throw error;
  }
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep, recoveryCodeHashes: { equals: user.recoveryCodeHashes } },
    data: { ...update, ...extra },
  });
  if (count === 0) throw new AppError("TWO_FACTOR_INVALID");
}

export async function disableTwoFactor(db: TenantDb, actor: AccountActor, input: { password: string; code: string }): Promise<{ enabled: false }> {
  if (actor.role !== "client" && (await tenantRequiresTwoFactor(db))) {
    throw new AppError("FORBIDDEN", { reason: "required_by_tenant" }, "Your ISP requires two-factor sign-in for staff, so it cannot be turned off.");
  }
  const user = await getAccountUserOrThrow(db, actor);
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", { reason: "not_enabled" }, "Two-factor sign-in is not on.");
  await assertOwnPassword(actor, user.passwordHash, input.password);
  await consumeSecondFactor(db, actor, user, input.code, {
    totpSecret: null,
    totpPendingSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    recoveryCodeHashes: [],
  });
  await auditAccount(db, actor, "auth.2fa_disabled");
  return { enabled: false };
}

/** Replaces every recovery code (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(db: TenantDb, actor: AccountActor, code: string): Promise<TRecoveryCodes> {
  const user = await getAccountUserOrThrow(db, actor);
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", { reason: "not_enabled" }, "Turn on two-factor sign-in first.");
  const recoveryCodes = newRecoveryCodes();
  // The new hashes overwrite whatever the check consumed from the old list.
  await consumeSecondFactor(db, actor, user, code, { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) });
  await auditAccount(db, actor, "auth.recovery_codes_regenerated");
  return { recoveryCodes };
}
