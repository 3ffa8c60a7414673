"use client";
// A checkbox with its label beside it; the whole row is the tap target (44 px on phones).
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { cx } from "./cx";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  ref?: Ref<HTMLInputElement>;
  label: ReactNode;
  hint?: ReactNode;
  /** Label for screen readers only (a row-selection box in a table). */
  hideLabel?: boolean;
};

export function Checkbox({ label, hint, hideLabel = false, className, id, ...rest }: CheckboxProps) {
  const own = useId();
  const inputId = id ?? own;
  return (
    <label htmlFor={inputId} className={cx("inline-flex min-h-11 cursor-pointer gap-2.5 md:min-h-8 pointer-coarse:min-h-11", hint ? "items-start" : "items-center", hideLabel && "justify-center", className)}>
      <input
        id={inputId}
        type="checkbox"
        className={cx("h-5 w-5 shrink-0 cursor-pointer rounded border-slate-300 text-brand-600 accent-brand-600 focus-visible:outline-2 focus-visible:outline-brand-500 md:h-4 md:w-4", hint ? "mt-0.5" : undefined)}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...rest}
      />
      <span className={hideLabel ? "sr-only" : "text-sm text-slate-800"}>
        {label}
        {hint && !hideLabel && (
          <span id={`${inputId}-hint`} className="block text-xs text-slate-500">
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}
