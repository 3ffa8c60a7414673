// Print views (invoices, receipts): signed-in pages outside the dashboard shell, so that nothing
// but the document reaches paper. Same sign-in rules as the (app) layout.
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export default async function PrintLayout({ children }: { children: ReactNode }) {
  const me = await serverMe();
  if (!me || me.kind !== "tenant") redirect("/login");
  if (me.needsTwoFactorSetup) redirect("/account/security");
  return (
    <div className="min-h-dvh bg-slate-100 px-2 py-4 sm:px-6 sm:py-8 print:bg-white print:p-0">
      <style>{"@page { size: A4; margin: 14mm; } @media print { html, body { background: #fff; } }"}</style>
      {children}
    </div>
  );
}
