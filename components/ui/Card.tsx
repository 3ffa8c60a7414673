import type { ReactNode } from "react";
import { cx } from "./cx";

type CardProps = { title?: ReactNode; action?: ReactNode; className?: string; children: ReactNode };

export function Card({ title, action, className, children }: CardProps) {
  return (
    <section className={cx("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5", className)}>
      {(title || action) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}
