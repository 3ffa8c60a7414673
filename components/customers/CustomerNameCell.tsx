// A customer in a list cell: their name and, beside it, their customer code in small mono
// type (on a table from md up the code drops under the name, which truncates in a narrow column).
// The one way lists (invoices, payments, the collector's round, assignments) show who a row is about.
import type { ReactNode } from "react";

export function CustomerNameCell({ name, code }: { name: ReactNode; code: string }) {
  return (
    <span className="min-w-0">
      <span className="md:block md:truncate md:font-medium md:text-slate-900">{name}</span>{" "}
      <span className="font-mono text-xs font-normal text-slate-500">{code}</span>
    </span>
  );
}
