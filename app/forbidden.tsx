import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { StatusScreen } from "@/components/ui/StatusScreen";

/** Answered with HTTP 403 when a page calls forbidden(): the role lacks the page's capability. */
export default function Forbidden() {
  const t = useTranslations("status.forbidden");
  return (
    <StatusScreen code="FORBIDDEN" title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <ButtonLink href="/" variant="primary">
          {t("back")}
        </ButtonLink>
      </p>
    </StatusScreen>
  );
}
