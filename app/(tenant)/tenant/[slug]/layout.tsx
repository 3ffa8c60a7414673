// The tenant dashboard shell. The proxy rewrites <slug>.<root> (or a custom domain) to
// /tenant/<slug>; the tenant comes from the Host header through tRPC, never from the URL.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { SideNav } from "@/components/shell/SideNav";
import { TopBar } from "@/components/shell/TopBar";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const tenant = await (await serverApi()).tenant.current();
  return { title: { template: `%s · ${tenant.name} · RRNET`, default: `${tenant.name} · RRNET` }, robots: { index: false } };
}

export default async function TenantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const [{ slug }, tenant] = await Promise.all([params, (await serverApi()).tenant.current()]);
  // /tenant/<other>/... typed on this tenant's host must not show this tenant under another name.
  if (slug !== tenant.slug) notFound();

  return (
    <div className="flex min-h-dvh flex-col">
      <TopBar name={tenant.name} timezone={tenant.timezone} />
      <div className="flex flex-1">
        <SideNav />
        <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
