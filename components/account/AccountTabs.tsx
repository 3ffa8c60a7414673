// The two pages of a staff user's own account: security and language.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

export function AccountTabs({ current }: { current: "security" | "language" }) {
  const t = useTranslations("account.tabs");
  const account = useTranslations("account");
  const tabs = [
    { key: "security", href: "/account/security" },
    { key: "language", href: "/account/language" },
  ] as const;
  return (
    <nav aria-label={account("title")} className="-mt-2 mb-4 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={current === tab.key ? "page" : undefined}
          className={cx(
            "-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
            current === tab.key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
