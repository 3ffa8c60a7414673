"use client";
// A native select (the phone's own picker, accessible as it is), styled like the kit's inputs.
import type { Ref, SelectHTMLAttributes } from "react";
import { controlClass, useFieldControl } from "./Field";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement>; invalid?: boolean };

export function Select({ className, invalid, id, children, ...rest }: SelectProps) {
  const field = useFieldControl();
  const bad = invalid ?? field?.invalid ?? false;
  return (
    <select
      id={id ?? field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={bad || undefined}
      aria-required={field?.required || undefined}
      className={controlClass(bad, `py-2 pr-8 md:py-1.5 ${className ?? ""}`)}
      {...rest}
    >
      {children}
    </select>
  );
}
