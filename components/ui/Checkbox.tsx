"use client";
// A checkbox with its label beside it. The native input is stretched (transparent) over the
// whole label, so the thing a finger hits is the input itself and at least 44 × 44 px on phones
// and touch screens (32 px with a mouse from md up); the box a person sees is drawn beside it
// and follows the input's checked, indeterminate, focus and disabled states.
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
    <label
      htmlFor={inputId}
      className={cx(
        "relative inline-flex min-h-11 min-w-11 cursor-pointer gap-2.5 md:min-h-8 md:min-w-8 pointer-coarse:min-h-11 pointer-coarse:min-w-11",
        hint ? "items-start" : "items-center",
        hideLabel && "justify-center",
        className,
      )}
    >
      <input
        id={inputId}
        type="checkbox"
        className="peer absolute inset-0 z-10 m-0 h-full w-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...rest}
      />
      <span
        aria-hidden
        className={cx(
          "flex h-5 w-5 shrink-0 items-center justify-center rounded border border-slate-400 bg-white text-white md:h-4 md:w-4 pointer-coarse:h-5 pointer-coarse:w-5",
          "peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-indeterminate:border-brand-600 peer-indeterminate:bg-brand-600",
          "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:opacity-50",
          "peer-checked:[&>.tick]:block peer-indeterminate:[&>.dash]:block peer-indeterminate:[&>.tick]:hidden",
          hint ? "mt-0.5" : undefined,
        )}
      >
        <svg viewBox="0 0 16 16" className="tick hidden h-3.5 w-3.5 md:h-3 md:w-3" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
        <svg viewBox="0 0 16 16" className="dash hidden h-3.5 w-3.5 md:h-3 md:w-3" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
          <path d="M4 8h8" />
        </svg>
      </span>
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
