// What the sign-in form says for each code next-auth hands back ("AUTH_LOCKED:120", see
// server/auth/next-auth.ts): the stable code, and the catalogue key of its sentence.
export type SignInError =
  | { code: "AUTH_INVALID"; key: "invalid" }
  | { code: "AUTH_LOCKED"; key: "locked"; minutes: number }
  | { code: "TWO_FACTOR_REQUIRED"; key: "codeRequired" }
  | { code: "TWO_FACTOR_INVALID"; key: "codeInvalid" }
  | { code: "VALIDATION_FAILED"; key: "badInput" }
  | { code: "INTERNAL"; key: "unavailable" };

export function describeSignInError(raw: string): SignInError {
  const [code = "INTERNAL", seconds] = raw.split(":");
  switch (code) {
    case "AUTH_INVALID":
    case "CredentialsSignin":
      return { code: "AUTH_INVALID", key: "invalid" };
    case "AUTH_LOCKED":
      return { code, key: "locked", minutes: Math.max(1, Math.ceil(Number(seconds ?? 60) / 60)) };
    case "TWO_FACTOR_REQUIRED":
      return { code, key: "codeRequired" };
    case "TWO_FACTOR_INVALID":
      return { code, key: "codeInvalid" };
    case "VALIDATION_FAILED":
      return { code, key: "badInput" };
    default:
      return { code: "INTERNAL", key: "unavailable" };
  }
}
