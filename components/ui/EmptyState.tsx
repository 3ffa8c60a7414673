// What a list or page shows when there is nothing yet (or nothing matches): say so, and offer
// the next step.
import type { ReactNode } from "react";
import { cx } from "./cx";

export function EmptyState({ title, children, action, className, testId }: { title: ReactNode; children?: ReactNode; action?: ReactNode; className?: string; testId?: string }) {
  return (
    <div className={cx("flex flex-col items-center gap-2 px-4 py-8 text-center", className)} data-testid={testId}>
      <p className="text-sm font-medium text-slate-800">{title}</p>
      {children && <div className="max-w-md text-sm text-slate-500">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
