import { useTranslations } from "next-intl";
import { StatusScreen } from "@/components/ui/StatusScreen";

export default function TenantNotFound() {
  const t = useTranslations("status.tenantNotFound");
  return (
    <StatusScreen code="TENANT_NOT_FOUND" title={t("title")}>
      <p>{t("body")}</p>
      <p>{t("customers")}</p>
    </StatusScreen>
  );
}
