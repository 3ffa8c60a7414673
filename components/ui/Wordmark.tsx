import { cx } from "./cx";

/** The RRNET wordmark: text only, no image request. */
export function Wordmark({ className, suffix }: { className?: string; suffix?: string }) {
  return (
    <span className={cx("inline-flex items-baseline gap-1.5 font-extrabold tracking-tight", className)}>
      <span>
        <span className="text-brand-600">RR</span>
        <span className="text-slate-900">NET</span>
      </span>
      {suffix && <span className="text-sm font-medium text-slate-500">{suffix}</span>}
    </span>
  );
}
