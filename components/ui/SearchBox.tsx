"use client";
// The search field above a list: a label for screen readers, a full-width search input.
import { Field } from "./Field";
import { Input } from "./Input";

export function SearchBox(props: { label: string; value: string; onChange: (value: string) => void; placeholder: string; testId?: string; className?: string }) {
  return (
    <Field label={props.label} hideLabel className={props.className}>
      <Input type="search" value={props.value} onChange={(e) => props.onChange(e.target.value)} placeholder={props.placeholder} data-testid={props.testId} />
    </Field>
  );
}
