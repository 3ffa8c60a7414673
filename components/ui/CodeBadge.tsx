/** A stable error code, shown so users can quote it to support. */
export function CodeBadge({ code }: { code: string }) {
  return (
    <code
      className="inline-block rounded-md border border-slate-300 bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700"
      data-testid="error-code"
    >
      {code}
    </code>
  );
}
