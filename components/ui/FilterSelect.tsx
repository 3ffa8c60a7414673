"use client";
// A list filter: a select of a fixed set of values with an "all" choice (the empty value). Its
// label is for screen readers; the "all" option says what it filters.
import { Field } from "./Field";
import { Select } from "./Select";

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
    <Field label={label} hideLabel className={className}>
      <Select value={value} onChange={(e) => onChange(e.target.value as T | "")} data-testid={testId}>
        <option value="">{allLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
