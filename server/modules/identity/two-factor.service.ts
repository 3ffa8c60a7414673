// Two-factor sign-in set-up of a signed-in account (a tenant's staff user or an RRNET operator,
// through its AccountStore): begin (a pending secret, sealed at rest, shown as otpauth URI +
// QR), confirm with a code (2FA on, ten one-time recovery codes shown once, stored as HMACs),
// disable (password + code; refused while 2FA is mandatory for the account), and new recovery
// codes. A TOTP step is accepted once, here as at sign-in.
import "server-only";
import QRCode from "qrcode";
import { AppError } from "@/server/errors/app-error";
import type { TRecoveryCodes, TTwoFactorBegin, TTwoFactorStatus } from "./account.schema";
import { assertOwnPassword, type AccountRow, type AccountStore, type AccountWrite } from "./account.service";
import { beginAttempt } from "./login-throttle.service";
import { checkSecondFactor, type SecondFactorUpdate } from "./second-factor";
import { open, seal } from "@/server/crypto/secret-box";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "./totp";

export async function twoFactorStatus(store: AccountStore): Promise<TTwoFactorStatus> {
  const account = await store.load();
  return {
    enabled: account.totpEnabledAt !== null,
    enabledAt: account.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: account.totpEnabledAt ? account.recoveryCodeHashes.length : 0,
    requiredReason: (await store.twoFactorRequirement())?.reason ?? null,
  };
}

/** Starts (or restarts) enrollment: a fresh pending secret replaces any earlier one. */
export async function beginTwoFactor(store: AccountStore, issuerLabel: string): Promise<TTwoFactorBegin> {
  const account = await store.load();
  if (account.totpEnabledAt) throw new AppError("CONFLICT", { reason: "already_enabled" }, "account.errors.twoFactorAlreadyOn");
  const secret = newTotpSecret();
  await store.update({}, { totpPendingSecret: seal(secret) });
  const uri = totpUri(secret, `${account.email} (${issuerLabel})`);
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 240 });
  return { uri, qrDataUrl, secret };
}

/** Turns 2FA on when `code` matches the pending secret; returns the recovery codes, once. */
export async function confirmTwoFactor(store: AccountStore, code: string): Promise<TRecoveryCodes> {
  const account = await store.load();
  if (account.totpEnabledAt) throw new AppError("CONFLICT", { reason: "already_enabled" }, "account.errors.twoFactorAlreadyOn");
  const pending = account.totpPendingSecret;
  if (!pending) throw new AppError("CONFLICT", { reason: "not_started" }, "account.errors.twoFactorNotStarted");
  const step = verifyTotp(open(pending), code, null);
  if (step === null) throw new AppError("TWO_FACTOR_INVALID");
  const recoveryCodes = newRecoveryCodes();
  // Guarded on the pending secret: a set-up restarted meanwhile makes this code stale.
  const count = await store.update(
    { totpPendingSecret: pending, totpEnabledAt: null },
    { totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) },
  );
  if (count === 0) throw new AppError("CONFLICT", { reason: "setup_changed" }, "account.errors.twoFactorSetupChanged");
  await store.audit("auth.2fa_enabled");
  return { recoveryCodes };
}

/**
 * Checks a TOTP or recovery code and stores what it consumes, conditionally on the state it was
 * checked against, so two requests cannot both spend the same code. A locked account is not
 * checked at all; a wrong code counts against its lock.
 */
async function consumeSecondFactor(store: AccountStore, account: AccountRow, code: string, extra: AccountWrite = {}): Promise<void> {
  const attempt = await beginAttempt(store.throttleKeys);
  let update: SecondFactorUpdate;
  try {
    update = checkSecondFactor(account, code).update;
  } catch (error) {
    if (error instanceof AppError && error.code === "TWO_FACTOR_INVALID") throw (await attempt.failed()) ?? error;
    throw error;
  }
  const { totpSecret, totpLastStep, recoveryCodeHashes } = account;
  const count = await store.update({ totpSecret, totpLastStep, recoveryCodeHashes }, { ...update, ...extra });
  if (count === 0) throw (await attempt.failed()) ?? new AppError("TWO_FACTOR_INVALID");
  await attempt.succeeded();
}

export async function disableTwoFactor(store: AccountStore, input: { password: string; code: string }): Promise<{ enabled: false }> {
  const required = await store.twoFactorRequirement();
  if (required) throw new AppError("FORBIDDEN", { reason: required.reason }, `account.errors.${required.reason}`);
  const account = await store.load();
  if (!account.totpEnabledAt) throw new AppError("CONFLICT", { reason: "not_enabled" }, "account.errors.twoFactorNotOn");
  await assertOwnPassword(store, account.passwordHash, input.password);
  await consumeSecondFactor(store, account, input.code, {
    totpSecret: null,
    totpPendingSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    recoveryCodeHashes: [],
  });
  await store.audit("auth.2fa_disabled");
  return { enabled: false };
}

/** Replaces every recovery code (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(store: AccountStore, code: string): Promise<TRecoveryCodes> {
  const account = await store.load();
  if (!account.totpEnabledAt) throw new AppError("CONFLICT", { reason: "not_enabled" }, "account.errors.twoFactorNotOn");
  const recoveryCodes = newRecoveryCodes();
  // The new hashes overwrite whatever the check consumed from the old list.
  await consumeSecondFactor(store, account, code, { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) });
  await store.audit("auth.recovery_codes_regenerated");
  return { recoveryCodes };
}
