"use client";
// A list filter: a select of a fixed set of values with an "all" choice (the empty value). Its
// label is for screen readers; the "all" option says what it filters.
import { cx } from "./cx";

export function FilterSelect<T extends string>({
  label,
  value,
  onChange,
  values,
  labels,
  allLabel,
  testId,
  className,
}: {
  label: string;
  value: T | "";
  onChange: (value: T | "") => void;
  values: readonly T[];
  labels: Record<T, string>;
  allLabel: string;
  testId?: string;
  className?: string;
}) {
  return (
    <label className={cx("block", className)}>
      <span className="sr-only">{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as T | "")}
        className="min-h-9 w-full rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800"
        data-testid={testId}
      >
        <option value="">{allLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
