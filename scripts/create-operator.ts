// Creates an RRNET operator (super admin of the console) on a fresh installation, where the demo
// seed must not run: `npm run operator:create -- --email ops@example.id --name "Nama Operator"`.
// Prints a generated password once (only its hash is stored); in production the operator must
// then turn on two-factor sign-in before the console opens. Refuses an email already in use.
process.env.RRNET_SERVICE ??= "operator";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { hashPassword } from "@/server/modules/identity/password.service";
import { generatePassword } from "@/server/modules/staff/staff.service";

const ZArgs = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), name: z.string().trim().min(2).max(100) });

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) {
    console.error(`usage: npm run operator:create -- --email <address> --name "<full name>"\n${z.prettifyError(parsed.error)}`);
    process.exit(64);
  }
  const db = unsafeSystemDb();
  if (await db.platformAdmin.findUnique({ where: { email: parsed.data.email } })) {
    console.error(`an operator with ${parsed.data.email} already exists`);
    process.exit(65);
  }
  const password = generatePassword();
  await db.platformAdmin.create({ data: { email: parsed.data.email, name: parsed.data.name, passwordHash: await hashPassword(password) } });
  console.log(`operator ${parsed.data.email} created; generated password (shown once): ${password}`);
  await closeDb();
}

void main();
