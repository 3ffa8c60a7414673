"use client";
// A billing month picker: the last two years, newest first, in the tenant's calendar.
import { recentMonths } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

type MonthSelectProps = {
  label: string;
  value: string;
  onChange: (month: string) => void;
  /** The current month in the tenant's zone ("YYYY-MM"). */
  currentMonth: string;
  /** Text of an "any month" choice (value ""); without it a month must be chosen. */
  anyLabel?: string;
  testId?: string;
};

export function MonthSelect({ label, value, onChange, currentMonth, anyLabel, testId }: MonthSelectProps) {
  const format = useFormat();
  return (
    <label className="block text-sm">
      <span className="sr-only">{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base text-slate-800 md:min-h-9 md:text-sm pointer-coarse:min-h-11"
        data-testid={testId}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {recentMonths(currentMonth).map((m) => (
          <option key={m} value={m}>
            {format.month(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
