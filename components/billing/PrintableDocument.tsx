// An invoice or receipt laid out for paper (A4): letterhead with the ISP's logo, the customer,
// facts, lines, totals, a stamp for paid / void / draft, the ISP's footer. Used by the print views.
import { cx } from "@/components/ui/cx";
import type { BillingDocument } from "@/server/pdf/document-model";

const STAMP_TONES = { paid: "border-emerald-600 text-emerald-700", void: "border-red-600 text-red-700", draft: "border-slate-500 text-slate-600" } as const;

export function PrintableDocument({ doc }: { doc: BillingDocument }) {
  const numeric = (i: number) => i > 0;
  return (
    <article
      className="mx-auto w-full max-w-[210mm] break-after-page bg-white px-5 py-6 text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-10 sm:py-10 print:max-w-none print:p-0 print:shadow-none print:ring-0"
      data-testid="printable-document"
      data-kind={doc.kind}
    >
      <header className="flex flex-wrap items-start justify-between gap-4 border-b-2 border-slate-900 pb-4">
        <div className="flex min-w-0 items-center gap-3">
          {doc.issuer.logoDataUrl && (
            // The tenant's own logo, stored as a data URL: nothing is fetched.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={doc.issuer.logoDataUrl} alt="" className="h-14 w-auto max-w-40 object-contain" />
          )}
          <div className="min-w-0 text-xl font-bold break-words" data-testid="document-issuer">
            {doc.issuer.name}
          </div>
        </div>
        <div className="text-right">
          <div className="text-2xl font-bold uppercase tracking-widest text-slate-700">{doc.title}</div>
          <div className="font-mono text-sm" data-testid="document-number">
            {doc.number}
          </div>
        </div>
      </header>

      <section className="mt-5 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <div className="min-w-0">
          <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{doc.party.heading}</div>
          <div className="mt-1 font-semibold break-words">{doc.party.name}</div>
          {doc.party.lines.map((line) => (
            <div key={line} className="text-sm break-words text-slate-700">
              {line}
            </div>
          ))}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 self-start text-sm sm:justify-self-end print:justify-self-end">
          {doc.facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-xs sm:text-sm print:text-sm">
          <thead>
            <tr className="border-b border-slate-400 text-xs uppercase tracking-wide text-slate-600">
              {doc.table.columns.map((c, i) => (
                <th key={c} className={cx("py-2", i < doc.table.columns.length - 1 && "pr-3", numeric(i) && "text-right")}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.table.rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-200 align-top">
                {row.map((cell, i) => (
                  <td key={i} className={cx("py-2", i < row.length - 1 && "pr-3", numeric(i) && "whitespace-nowrap text-right tabular-nums")}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="mt-4 flex flex-wrap-reverse items-start justify-between gap-4">
        {doc.stamp ? (
          <div
            className={cx("ml-4 mt-3 rotate-[-12deg] rounded-md border-4 px-4 py-1 text-3xl font-black tracking-[0.2em] opacity-80", STAMP_TONES[doc.stamp.tone])}
            data-testid="document-stamp"
          >
            {doc.stamp.text}
          </div>
        ) : (
          <span />
        )}
        <dl className="ml-auto w-full max-w-xs space-y-1 text-sm" data-testid="document-totals">
          {doc.totals.map((t) => (
            <div key={t.label} className={cx("flex justify-between gap-6", t.strong && "border-t border-slate-300 pt-1 text-base font-bold")}>
              <dt>{t.label}</dt>
              <dd className="tabular-nums">{t.value}</dd>
            </div>
          ))}
        </dl>
      </div>

      {doc.payments.length > 0 && (
        <section className="mt-6">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{doc.paymentsHeading}</h2>
          <ul className="mt-1 divide-y divide-slate-200 text-sm">
            {doc.payments.map(([receipt, method, date, amount]) => (
              <li key={receipt} className="flex flex-wrap justify-between gap-x-4 py-1">
                <span>
                  <span className="font-mono">{receipt}</span> · {method} · {date}
                </span>
                <span className="tabular-nums">{amount}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {doc.notes && <p className="mt-6 whitespace-pre-line text-sm text-slate-700">{doc.notes}</p>}
      {doc.footer && <footer className="mt-10 border-t border-slate-300 pt-3 text-center text-xs whitespace-pre-line text-slate-600">{doc.footer}</footer>}
    </article>
  );
}
