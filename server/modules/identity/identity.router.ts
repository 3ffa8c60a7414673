import "server-only";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { CAPABILITIES, PLATFORM_CAPABILITIES, can, type Capability } from "./capabilities";
import { ZMe } from "./identity.schema";

export const identityRouter = router({
  /** Who is signed in on this host (null when nobody): drives menus and redirects. */
  me: publicProcedure.output(ZMe.nullable()).query(({ ctx }) => {
    const s = ctx.session;
    if (!s) return null;
    const capabilities =
      s.kind === "platform" ? [...PLATFORM_CAPABILITIES] : (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(s.role, c));
    return {
      kind: s.kind,
      name: s.name,
      email: s.email,
      role: s.role,
      twoFactorEnabled: s.twoFactorEnabled,
      needsTwoFactorSetup: s.needsTwoFactorSetup,
      needsPasswordChange: s.kind === "tenant" && s.needsPasswordChange,
      capabilities,
      locale: s.locale,
    };
  }),
});
