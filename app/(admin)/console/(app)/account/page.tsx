// The signed-in operator's own security: two-factor sign-in, password, sessions. In production
// an operator without 2FA is sent here by the layout until they have set it up.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordCard } from "@/components/account/ChangePasswordCard";
import { SessionsCard } from "@/components/account/SessionsCard";
import { TwoFactorCard } from "@/components/account/TwoFactorCard";
import { CONSOLE_TZ } from "@/components/console/format";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My account" };

export default async function ConsoleAccountPage() {
  const me = await serverMe();
  if (!me || me.kind !== "platform") redirect("/login");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title="My account" description={`${me.name} · ${me.email}`} />
      {me.needsTwoFactorSetup && (
        <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="two-factor-required">
          <p className="font-semibold">Operators must use two-factor sign-in in production.</p>
          <p className="mt-1">Set it up below to continue. Until then, only this page is available.</p>
        </div>
      )}
      <TwoFactorCard scope="platform" timezone={CONSOLE_TZ} />
      {/* A password-only session of a production operator may finish the set-up, nothing more. */}
      {!me.needsTwoFactorSetup && <ChangePasswordCard scope="platform" />}
      <SessionsCard scope="platform" timezone={CONSOLE_TZ} />
    </div>
  );
}
