// Everything served on a tenant's host. The proxy rewrites <slug>.<root> (or a verified custom
// domain) to /tenant/<slug>; the tenant comes from the Host header through tRPC, never from the
// URL. Signed-in pages live in (app)/, the sign-in page in login/.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const tenant = await serverTenant();
  return { title: { template: `%s · ${tenant.name} · RRNET`, default: `${tenant.name} · RRNET` }, robots: { index: false } };
}

export default async function TenantHostLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const [{ slug }, tenant] = await Promise.all([params, serverTenant()]);
  // /tenant/<other>/... typed on this tenant's host must not show this tenant under another name.
  if (slug !== tenant.slug) notFound();
  return children;
}
