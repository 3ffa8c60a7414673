import type { ReactNode } from "react";
import { cx } from "./cx";

type StatCardProps = {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  emphasis?: boolean;
  valueTestId?: string;
};

export function StatCard({ label, value, hint, emphasis, valueTestId }: StatCardProps) {
  return (
    <div
      className={cx(
        "rounded-xl border p-4",
        emphasis ? "border-brand-200 bg-brand-50" : "border-slate-200 bg-white",
      )}
    >
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div
        className={cx("mt-1 font-semibold tabular-nums", emphasis ? "text-3xl text-brand-700" : "text-2xl text-slate-900")}
        data-testid={valueTestId}
      >
        {value}
      </div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}
