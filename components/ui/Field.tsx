"use client";
// A form field: label, the control, a hint and the error, wired for screen readers. The control
// inside (Input, Select, Textarea) takes its id, aria-describedby and aria-invalid from here, so
// a message on a field is announced with it and the field is highlighted.
//   <Field label={t("name")} error={errors.name?.message}><Input {...register("name")} /></Field>
import { createContext, useContext, useId, type ReactNode } from "react";
import { cx } from "./cx";

type FieldControl = { id: string; describedBy: string | undefined; invalid: boolean; required: boolean };

const FieldContext = createContext<FieldControl | null>(null);

/** What a control inside a Field reads (null outside one). */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

type FieldProps = {
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  /** The message to show on the field (react-hook-form's `errors.x?.message`). */
  error?: string | null;
  required?: boolean;
  /** Shown after the label ("optional"), from the caller's catalogue. */
  labelSuffix?: ReactNode;
  className?: string;
  /** Visually hidden label (search boxes): still read by screen readers. */
  hideLabel?: boolean;
};

export function Field({ label, children, hint, error, required = false, labelSuffix, className, hideLabel = false }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("min-w-0", className)} data-invalid={error ? "" : undefined}>
      <label htmlFor={id} className={cx("block text-sm font-medium text-slate-700", hideLabel && "sr-only")}>
        {label}
        {labelSuffix && <span className="ml-1 font-normal text-slate-500">{labelSuffix}</span>}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid: Boolean(error), required }}>
        <div className={hideLabel ? undefined : "mt-1"}>{children}</div>
      </FieldContext.Provider>
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700" data-field-error>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The classes every text-like control shares; red when its field has an error. */
export function controlClass(invalid: boolean, className?: string): string {
  return cx(
    "block w-full rounded-lg border bg-white px-3 text-base text-slate-900 shadow-sm md:text-sm",
    "min-h-11 md:min-h-9 pointer-coarse:min-h-11 focus:outline-none focus:ring-2 disabled:bg-slate-100 disabled:text-slate-500",
    invalid ? "border-red-500 focus:border-red-600 focus:ring-red-600/20" : "border-slate-300 focus:border-brand-600 focus:ring-brand-600/20",
    className,
  );
}
