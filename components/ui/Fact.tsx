import type { ReactNode } from "react";

/** One labelled fact of a detail card; put these inside a `<dl>` (a grid of them wraps on phones). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}
