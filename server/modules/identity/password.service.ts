// Password hashing: argon2id with OWASP's recommended minimum (19 MiB, 2 passes). The rule for
// a new password is ZPassword (account.schema.ts), shared with the forms.
import "server-only";
import argon2 from "argon2";

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false; // a malformed hash never verifies
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies, or spends the same time on a dummy hash when there is no account (no timing oracle). */
export async function verifyPasswordOrDummy(hash: string | null, plain: string): Promise<boolean> {
  if (hash) return verifyPassword(hash, plain);
  await verifyPassword(await (dummyHash ??= hashPassword("rrnet-dummy-password")), plain);
  return false;
}
