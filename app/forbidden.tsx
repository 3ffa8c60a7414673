import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusScreen } from "@/components/ui/StatusScreen";

/** Answered with HTTP 403 when a page calls forbidden(): the role lacks the page's capability. */
export default function Forbidden() {
  const t = useTranslations("status.forbidden");
  return (
    <StatusScreen code="FORBIDDEN" title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="font-medium text-brand-600 hover:underline">
          {t("back")}
        </Link>
      </p>
    </StatusScreen>
  );
}
