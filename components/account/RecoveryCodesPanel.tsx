"use client";
// Recovery codes, shown once right after they are made: copy them or download a .txt file.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { CopyButton } from "./CopyButton";

export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account.recovery");
  const download = () => {
    const text = `${t("fileHeading", { host: window.location.host })}\n${t("fileNote")}\n\n${codes.join("\n")}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `rrnet-recovery-codes-${window.location.hostname}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold text-amber-900">{t("title")}</p>
      <p className="mt-1 text-sm text-amber-900">{t("body")}</p>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-2">
        <CopyButton value={codes.join("\n")} label={t("copy")} />
        <Button onClick={download}>{t("download")}</Button>
        <Button variant="primary" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </div>
  );
}
