import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusScreen } from "@/components/ui/StatusScreen";

export default function NotFound() {
  const t = useTranslations("status.notFound");
  return (
    <StatusScreen code="NOT_FOUND" title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="font-medium text-brand-600 hover:underline">
          {t("home")}
        </Link>
      </p>
    </StatusScreen>
  );
}
