"use client";
// "Are you sure?" for an action that cannot be undone or that affects other people: says what
// will happen (and to whom) before it does. An alertdialog on Radix: focus starts on Cancel,
// Escape cancels; the confirm button shows the request in flight and the dialog closes when
// `onConfirm` settles without throwing (a thrown error stays inside, shown by the caller).
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button, buttonClass } from "./Button";
import { cx } from "./cx";

type ConfirmDialogProps = {
  trigger: ReactNode;
  title: ReactNode;
  /** What will happen, and to whom. */
  description: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => Promise<unknown> | void;
  tone?: "danger" | "primary";
  /** Extra content: who is affected, an error from the last attempt. */
  children?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  testId?: string;
};

export function ConfirmDialog({ trigger, title, description, confirmLabel, onConfirm, tone = "danger", children, open, onOpenChange, testId }: ConfirmDialogProps) {
  const t = useTranslations("common");
  const [own, setOwn] = useState(false);
  const [busy, setBusy] = useState(false);
  const isOpen = open ?? own;
  const setOpen = onOpenChange ?? setOwn;
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpen(false);
    } catch {
      // The caller shows the error (a mutation's state); the dialog stays open to retry.
    } finally {
      setBusy(false);
    }
  };
  return (
    <AlertDialog.Root open={isOpen} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          data-testid={testId}
          className={cx(
            "fixed inset-x-0 bottom-0 z-50 max-h-[90dvh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-xl focus:outline-none",
            "sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-md sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl",
          )}
        >
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          {children && <div className="mt-3 text-sm">{children}</div>}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonClass("secondary")} disabled={busy}>
              {t("cancel")}
            </AlertDialog.Cancel>
            <Button variant={tone} loading={busy} onClick={() => void confirm()} data-testid={testId ? `${testId}-confirm` : undefined}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
