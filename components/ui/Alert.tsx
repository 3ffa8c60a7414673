// A message box: info, success, warning or danger. Danger and warning are announced at once
// (role="alert"), the others politely (role="status"). ErrorAlert shows a failed call: the
// server's message (already in the user's language) and the stable code to quote to support.
import type { ReactNode } from "react";
import { CodeBadge } from "./CodeBadge";
import { cx } from "./cx";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, string> = {
  info: "border-brand-200 bg-brand-50 text-brand-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  danger: "border-red-200 bg-red-50 text-red-800",
};

type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
  /** A stable error code: in data-error-code, and shown to quote to support unless `hideCode`. */
  code?: string | null;
  hideCode?: boolean;
};

export function Alert({ tone = "info", title, children, action, className, testId, code, hideCode = false }: AlertProps) {
  return (
    <div
      role={tone === "danger" || tone === "warning" ? "alert" : "status"}
      className={cx("flex flex-wrap items-start justify-between gap-2 rounded-lg border px-3 py-2 text-sm", TONES[tone], className)}
      data-testid={testId}
      data-error-code={code ?? undefined}
    >
      {/* At least 12rem wide, so on a phone the action wraps below the text instead of squeezing it. */}
      <div className="min-w-48 flex-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className={title ? "mt-0.5" : undefined}>{children}</div>}
        {code && !hideCode && (
          <p className="mt-1.5">
            <CodeBadge code={code} />
          </p>
        )}
      </div>
      {action}
    </div>
  );
}

/** Whatever a tRPC call failed with: `message` is the server's, in the user's language. */
export type ShownError = { message: string; data?: { code?: string | null } | null } | null | undefined;

export function ErrorAlert({ error, title, className }: { error: ShownError; title?: ReactNode; className?: string }) {
  if (!error) return null;
  return (
    <Alert tone="danger" title={title} className={className} code={error.data?.code ?? null}>
      {error.message}
    </Alert>
  );
}
