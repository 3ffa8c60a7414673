"use client";
// Text-like inputs of the kit; inside a Field they take its id and error state. Works with
// react-hook-form's register() (the ref is a prop in React 19).
import type { InputHTMLAttributes, Ref } from "react";
import { controlClass, useFieldControl } from "./Field";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement>; invalid?: boolean };

export function Input({ className, invalid, id, ...rest }: InputProps) {
  const field = useFieldControl();
  const bad = invalid ?? field?.invalid ?? false;
  return (
    <input
      id={id ?? field?.id}
      aria-describedby={field?.describedBy}
      aria-invalid={bad || undefined}
      aria-required={field?.required || undefined}
      className={controlClass(bad, `py-2 md:py-1.5 ${className ?? ""}`)}
      {...rest}
    />
  );
}
