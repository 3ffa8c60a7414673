// What the sign-in form says for each code next-auth hands back (see server/auth/next-auth.ts).
export function describeSignInError(raw: string): { code: string; message: string } {
  const [code = "INTERNAL", seconds] = raw.split(":");
  switch (code) {
    case "AUTH_INVALID":
    case "CredentialsSignin":
      return { code: "AUTH_INVALID", message: "Email or password is incorrect." };
    case "AUTH_LOCKED": {
      const minutes = Math.max(1, Math.ceil(Number(seconds ?? 60) / 60));
      return { code, message: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
    }
    case "TWO_FACTOR_REQUIRED":
      return { code, message: "Enter the 6-digit code from your authenticator app, or a recovery code." };
    case "TWO_FACTOR_INVALID":
      return { code, message: "That code is not valid. Use the current code or an unused recovery code." };
    case "VALIDATION_FAILED":
      return { code, message: "Enter a valid email address and your password." };
    default:
      return { code: "INTERNAL", message: "Sign-in is unavailable right now. Try again in a moment." };
  }
}
