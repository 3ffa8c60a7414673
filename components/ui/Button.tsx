// Buttons of the kit: primary (the one main action), secondary, danger (irreversible: void,
// delete, revoke) and ghost (quiet, in toolbars). At least 44 px tall on phones and touch
// screens, 36 px with a mouse from md up. `loading` shows a spinner, sets aria-busy and
// refuses clicks, so a double tap sends one request.
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "md" | "sm";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-500",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-brand-500",
  danger: "bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-500",
  ghost: "text-slate-700 hover:bg-slate-100 focus-visible:outline-brand-500",
};

/** The classes of a button; ButtonLink and file-picker labels use them too. */
export function buttonClass(variant: ButtonVariant = "secondary", size: ButtonSize = "md", className?: string): string {
  return cx(
    "inline-flex items-center justify-center gap-1.5 rounded-lg font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    size === "md" ? "min-h-11 px-4 py-2 text-sm md:min-h-9 md:px-3 md:py-1.5 pointer-coarse:min-h-11" : "min-h-11 px-3 py-1.5 text-sm md:min-h-8 md:px-2.5 md:py-1 md:text-xs pointer-coarse:min-h-11",
    VARIANTS[variant],
    className,
  );
}

export function Spinner({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={cx("h-4 w-4 animate-spin", className)} aria-hidden>
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Busy with the request this button sent: spinner, aria-busy, no second click. */
  loading?: boolean;
  children?: ReactNode;
};

export function Button({ variant = "secondary", size = "md", loading = false, className, type = "button", disabled, children, onClick, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled}
      aria-busy={loading || undefined}
      aria-disabled={loading || undefined}
      onClick={loading ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
