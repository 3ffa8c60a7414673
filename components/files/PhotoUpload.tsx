"use client";
// An optional photo taken with the phone's camera (or picked from its gallery), scaled down on
// the phone and stored at once through files.upload: the form then sends only the file's id.
// Put it inside a <Field>: the hidden file input takes the field's id, so the label opens it too.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useFieldControl } from "@/components/ui/Field";
import { photoAsDataUrl } from "@/components/ui/photo";
import type { UploadPurpose } from "@/server/modules/files/upload-rules";

/** Longest side sent from the phone: enough to read a receipt, small on a poor signal. */
const SEND_SIDE = 1280;

type PhotoUploadProps = {
  purpose: UploadPurpose;
  /** The stored file's id once uploaded, null when removed. */
  onChange: (fileId: string | null) => void;
  /** True while the photo is being read or sent, so the form can wait for it. */
  onBusyChange?: (busy: boolean) => void;
  testId?: string;
};

export function PhotoUpload({ purpose, onChange, onBusyChange, testId = "photo-upload" }: PhotoUploadProps) {
  const t = useTranslations("files.photo");
  const trpc = useTRPC();
  const field = useFieldControl();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const upload = useMutation(trpc.files.upload.mutationOptions({ retry: 2 }));
  const busy = reading || upload.isPending;

  const pick = async (file: File) => {
    onChange(null);
    onBusyChange?.(true);
    setReading(true);
    try {
      const dataUrl = await photoAsDataUrl(file, SEND_SIDE);
      setPreview(dataUrl);
      setReading(false);
      const stored = await upload.mutateAsync({ purpose, dataUrl });
      onChange(stored.id);
    } catch {
      setPreview(null); // the alert below says why
    } finally {
      setReading(false);
      onBusyChange?.(false);
    }
  };

  return (
    <div className="space-y-2" data-testid={testId}>
      <input
        ref={input}
        id={field?.id}
        type="file"
        accept="image/*"
        capture="environment"
        className="sr-only"
        aria-describedby={field?.describedBy}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void pick(file);
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        {preview && (
          // eslint-disable-next-line @next/next/no-img-element -- a data URL preview, not an optimisable asset
          <img src={preview} alt={t("preview")} className="h-16 w-16 rounded-lg object-cover" />
        )}
        <Button onClick={() => input.current?.click()} loading={busy} disabled={busy}>
          {busy ? t("uploading") : preview ? t("retake") : t("take")}
        </Button>
        {preview && !busy && (
          <Button
            variant="ghost"
            onClick={() => {
              setPreview(null);
              upload.reset();
              onChange(null);
            }}
          >
            {t("remove")}
          </Button>
        )}
        {preview && upload.isSuccess && !busy && (
          <span className="text-sm text-emerald-700" data-testid={`${testId}-attached`}>
            {t("attached")}
          </span>
        )}
      </div>
      <ErrorAlert error={upload.error} title={t("failed")} />
    </div>
  );
}
