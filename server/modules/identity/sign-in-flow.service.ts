// The one sign-in procedure, for tenant users and RRNET operators alike (each brings a store):
// reserve an attempt (throttle), check the password (argon2id, dummy hash for unknown emails),
// check the second factor and consume it with a conditional write (a code or recovery code
// works once, even under concurrent requests), create the session, audit every outcome (a lock
// started by repeated failures too: that is how the owner sees an attack). A browser that signed
// in as the account before brings its device cookie and is throttled on its own budget.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import { deviceCookie } from "./device-cookie";
import { beginAttempt, type ThrottleKeys } from "./login-throttle.service";
import { verifyPasswordOrDummy } from "./password.service";
import { checkSecondFactor, type SecondFactorState, type SecondFactorUpdate } from "./second-factor";

export type SignInInput = { email: string; password: string; code?: string };
export type RequestMeta = {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  /** The request's Cookie header (for the device cookie); absent in scripts and tests. */
  cookies?: string | null;
};

export type SignInSubject = SecondFactorState & { id: string; email: string; passwordHash: string; active: boolean };

export type SignInOutcome = "sign_in" | "sign_in_failed" | "recovery_code_used" | "locked_out";

export type SignInResult = { sessionId: string; device: ReturnType<typeof deviceCookie> };

export type SignInStore<S extends SignInSubject> = {
  /** With `device` set when the request brought a valid device cookie of this account. */
  throttleKeys: ThrottleKeys;
  find(): Promise<S | null>;
  /**
   * Stores the sign-in (lastSignInAt and the consumed second factor) only if the second-factor
   * fields are still those read; false when another request consumed them first.
   */
  recordSignIn(subject: S, update: SecondFactorUpdate): Promise<boolean>;
  createSession(subject: S): Promise<string>;
  audit(outcome: SignInOutcome, subject: S | null, details?: Record<string, string>, sessionId?: string): Promise<void>;
};

export async function runSignIn<S extends SignInSubject>(store: SignInStore<S>, input: SignInInput): Promise<SignInResult> {
  let attempt;
  let subject: S | null = null;
  try {
    attempt = await beginAttempt(store.throttleKeys, {
      onLockout: ({ scope, seconds }) => store.audit("locked_out", subject, { scope, seconds: String(seconds) }),
    });
  } catch (error) {
    await store.audit("sign_in_failed", null, { reason: "locked" });
    throw error;
  }
  subject = await store.find();
  const passwordOk = await verifyPasswordOrDummy(subject?.passwordHash ?? null, input.password);
  const fail = async (reason: string, error: AppError): Promise<never> => {
    await store.audit("sign_in_failed", subject, { reason });
    throw (await attempt.failed()) ?? error;
  };
  if (!subject || !passwordOk) return fail(subject ? "bad_password" : "unknown_email", new AppError("AUTH_INVALID"));
  if (!subject.active) return fail("inactive", new AppError("AUTH_INVALID"));

  let secondFactor;
  try {
    secondFactor = checkSecondFactor(subject, input.code);
  } catch (error) {
    if (error instanceof AppError && error.code === "TWO_FACTOR_INVALID") return fail("bad_second_factor", error);
    // TWO_FACTOR_REQUIRED: the password was right and the form now asks for the code. The
    // attempt is given back but the failure count is NOT cleared, or knowing the password
    // would allow unlimited code guesses.
    if (error instanceof AppError && error.code === "TWO_FACTOR_REQUIRED") await attempt.released();
    throw error;
  }
  if (!(await store.recordSignIn(subject, secondFactor.update))) return fail("second_factor_reused", new AppError("TWO_FACTOR_INVALID"));
  const sessionId = await store.createSession(subject);
  await attempt.succeeded();
  if (secondFactor.usedRecoveryCode) await store.audit("recovery_code_used", subject);
  await store.audit("sign_in", subject, undefined, sessionId);
  // The device cookie is (re)issued: this browser has now signed in as this account.
  return { sessionId, device: deviceCookie(store.throttleKeys.accountKey, store.throttleKeys.device ?? null) };
}

/** The device cookie a sign-in done by another flow (the portal's codes) issues for its keys. */
export function signedInDevice(keys: ThrottleKeys): SignInResult["device"] {
  return deviceCookie(keys.accountKey, keys.device ?? null);
}

/** The guard (see guardedWhere) that makes a sign-in write conditional on the factor read. */
export function unchangedSecondFactor(subject: SecondFactorState) {
  return subject.totpSecret ? { totpLastStep: subject.totpLastStep, recoveryCodeHashes: subject.recoveryCodeHashes } : {};
}
