"use client";
// Recovery codes, shown once right after they are made: copy them or download a .txt file.
import { Button } from "@/components/ui/Button";
import { CopyButton } from "./CopyButton";

export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = () => {
    const text = `RRNET recovery codes (${window.location.host})\nEach code signs in once, in place of an authenticator code.\n\n${codes.join("\n")}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `rrnet-recovery-codes-${window.location.hostname}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold text-amber-900">Save your recovery codes now</p>
      <p className="mt-1 text-sm text-amber-900">
        They are shown only this once. Each code signs you in one time if you lose your phone.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 font-mono text-sm text-slate-900">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-2">
        <CopyButton value={codes.join("\n")} label="Copy codes" />
        <Button onClick={download}>Download .txt</Button>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}
