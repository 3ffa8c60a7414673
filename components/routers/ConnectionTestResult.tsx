"use client";
// What a connection test found, in words that say what to fix: the step that failed
// (address, TLS, login, the user's group policy) or what the router answered.
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";
import type { TConnectionTestResult } from "@/server/modules/routers/routers.schema";
import { useRouterFigures } from "./router-format";

export function ConnectionTestResult({ result }: { result: TConnectionTestResult }) {
  const t = useTranslations("routers");
  const figures = useRouterFigures();
  if (result.ok) {
    return (
      <Alert tone="success" title={t("test.ok", { identity: result.identity })} testId="connection-test-result">
        {t("test.okDetail", { version: result.version, board: result.boardName ?? t("figures.none"), uptime: figures.uptime(result.uptimeSeconds), ms: result.elapsedMs })}
      </Alert>
    );
  }
  return (
    <Alert tone="danger" title={t(`test.failure.${result.failure}.title`)} code={result.code} testId="connection-test-result">
      {result.failure === "command" ? t("test.failure.command.detail", { message: result.routerMessage ?? "" }) : t(`test.failure.${result.failure}.detail`)}
    </Alert>
  );
}
