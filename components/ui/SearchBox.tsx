"use client";
// The search field above a list: a label for screen readers, a full-width search input.
import { cx } from "./cx";

export function SearchBox(props: { label: string; value: string; onChange: (value: string) => void; placeholder: string; testId?: string; className?: string }) {
  return (
    <label className={cx("min-w-0", props.className)}>
      <span className="sr-only">{props.label}</span>
      <input
        type="search"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        className="min-h-9 w-full rounded-lg border border-slate-300 px-3 text-base text-slate-900 sm:text-sm"
        data-testid={props.testId}
      />
    </label>
  );
}
