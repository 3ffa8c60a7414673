// A link that looks like a Button (components/ui/Button.tsx): navigation, not an action.
import Link from "next/link";
import type { ComponentProps } from "react";
import { cx } from "./cx";

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: "primary" | "secondary" };

export function buttonLinkClass(variant: "primary" | "secondary" = "secondary", className?: string): string {
  return cx(
    "inline-flex min-h-9 items-center justify-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
    variant === "primary" ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
    className,
  );
}

export function ButtonLink({ variant = "secondary", className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonLinkClass(variant, className)} {...rest} />;
}
