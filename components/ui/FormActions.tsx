// The bottom of a form: its submit button (busy while saving) and, once saved and untouched,
// a polite "saved" note.
import type { ReactNode } from "react";
import { Button } from "./Button";

export function FormActions({ submitLabel, loading, savedMessage, children }: { submitLabel: ReactNode; loading: boolean; savedMessage?: string | null; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="primary" loading={loading}>
        {submitLabel}
      </Button>
      {children}
      {savedMessage && (
        <span role="status" className="text-sm text-emerald-700">
          {savedMessage}
        </span>
      )}
    </div>
  );
}
