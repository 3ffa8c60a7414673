// The second step of sign-in, shared by tenant users and operators: a TOTP code (never the
// same time step twice) or an unused recovery code (consumed on use).
import "server-only";
import { AppError } from "@/server/errors/app-error";
import { open } from "@/server/crypto/secret-box";
import { hashRecoveryCode, verifyTotp } from "./totp";

export type SecondFactorState = { totpSecret: string | null; totpLastStep: number | null; recoveryCodeHashes: string[] };
export type SecondFactorUpdate = { totpLastStep?: number; recoveryCodeHashes?: string[] };

/**
 * Checks `code` for an account with 2FA on. Returns the fields to store (the accepted step, or
 * the recovery codes left) plus whether a recovery code was used. Throws TWO_FACTOR_REQUIRED
 * when no code is given, TWO_FACTOR_INVALID when it is wrong.
 */
export function checkSecondFactor(state: SecondFactorState, code: string | undefined): { update: SecondFactorUpdate; usedRecoveryCode: boolean } {
  if (!state.totpSecret) return { update: {}, usedRecoveryCode: false };
  const given = code?.trim() ?? "";
  if (!given) throw new AppError("TWO_FACTOR_REQUIRED");
  if (/^\d{6}$/.test(given)) {
    const step = verifyTotp(open(state.totpSecret), given, state.totpLastStep);
    if (step === null) throw new AppError("TWO_FACTOR_INVALID");
    return { update: { totpLastStep: step }, usedRecoveryCode: false };
  }
  const hash = hashRecoveryCode(given);
  if (!state.recoveryCodeHashes.includes(hash)) throw new AppError("TWO_FACTOR_INVALID");
  return { update: { recoveryCodeHashes: state.recoveryCodeHashes.filter((h) => h !== hash) }, usedRecoveryCode: true };
}
