"use client";
import type { Ref, TextareaHTMLAttributes } from "react";
import { controlClass, useFieldControl } from "./Field";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement>; invalid?: boolean };

export function Textarea({ className, invalid, id, rows = 3, ...rest }: TextareaProps) {
  const field = useFieldControl();
  const bad = invalid ?? field?.invalid ?? false;
  return (
    <textarea
      id={id ?? field?.id}
      rows={rows}
      aria-describedby={field?.describedBy}
      aria-invalid={bad || undefined}
      className={controlClass(bad, `py-2 ${className ?? ""}`)}
      {...rest}
    />
  );
}
