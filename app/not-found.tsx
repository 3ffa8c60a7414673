import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { StatusScreen } from "@/components/ui/StatusScreen";

export default function NotFound() {
  const t = useTranslations("status.notFound");
  return (
    <StatusScreen code="NOT_FOUND" title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <ButtonLink href="/" variant="primary">
          {t("home")}
        </ButtonLink>
      </p>
    </StatusScreen>
  );
}
