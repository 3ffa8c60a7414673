"use client";
// What the collector holds (their custody ledger), the hand-overs finance has not counted yet,
// and declaring a hand-over: at most what they hold and have not declared, one idempotency key
// per opening of the form.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import { Input } from "@/components/ui/Input";
import { useFormat } from "@/components/ui/use-format";
import { ZDeclareDepositFields } from "@/server/modules/collections/collections.schema";
import { DepositStatus } from "./DepositStatus";
import { HeldCashFigure } from "./HeldCashFigure";

export function MyCashCard() {
  const t = useTranslations("collections.myCash");
  const format = useFormat();
  const trpc = useTRPC();
  const custody = useQuery(trpc.collections.myCustody.queryOptions());
  const deposits = useQuery(trpc.collections.myDeposits.queryOptions());
  const [declaring, setDeclaring] = useState(false);
  const free = custody.data ? custody.data.heldIdr - custody.data.pendingDepositIdr : 0;
  const pending = (deposits.data ?? []).filter((d) => d.status === "declared");
  const recent = (deposits.data ?? []).filter((d) => d.status === "confirmed").slice(0, 3);
  return (
    <Card title={t("title")} action={!declaring && free > 0 ? <Button variant="primary" onClick={() => setDeclaring(true)} data-testid="declare-open">{t("declare")}</Button> : undefined}>
      <ErrorAlert error={custody.error ?? deposits.error} title={t("couldNotLoad")} />
      <HeldCashFigure heldIdr={custody.data?.heldIdr} pendingDepositIdr={custody.data?.pendingDepositIdr} emphasis testId="my-cash-held" />
      {declaring && custody.data && <DeclareForm freeIdr={free} onDone={() => setDeclaring(false)} />}
      {(pending.length > 0 || recent.length > 0) && (
        <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label={t("depositsCaption")}>
          {[...pending, ...recent].map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="my-deposit">
              <span>
                {t("declaredAt", { amount: format.money(d.declaredIdr), time: format.dateTime(d.declaredAt) })}
                {d.status === "confirmed" && d.varianceIdr !== 0 && d.varianceIdr !== null && (
                  <span className="block text-xs text-slate-600">{t("variance", { received: format.money(d.receivedIdr ?? 0), variance: format.money(d.varianceIdr), note: d.note ?? "" })}</span>
                )}
              </span>
              <DepositStatus deposit={d} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DeclareForm({ freeIdr, onDone }: { freeIdr: number; onDone: () => void }) {
  const t = useTranslations("collections.myCash");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => newIdempotencyKey("deposit"));
  const form = useZodForm(ZDeclareDepositFields, { defaultValues: { amountIdr: freeIdr, note: null } });
  const declare = useMutation(
    trpc.collections.declareDeposit.mutationOptions({
      retry: 3,
      onSuccess: async () => {
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.collections.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.tenant.home.queryKey() })]);
        onDone();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <form
      noValidate
      className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-2"
      data-testid="declare-form"
      onSubmit={form.handleSubmit((values) => !declare.isPending && declare.mutate({ ...values, idempotencyKey }))}
    >
      <Field label={t("amount")} hint={t("amountHint", { amount: format.money(freeIdr) })} error={errors.amountIdr?.message} required>
        <Input inputMode="numeric" autoComplete="off" data-testid="declare-amount" {...form.register("amountIdr", { setValueAs: optionalRupiah })} />
      </Field>
      <Field label={t("note")} error={errors.note?.message}>
        <Input maxLength={500} {...form.register("note", { setValueAs: optionalText })} />
      </Field>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" loading={declare.isPending} data-testid="declare-submit">
          {t("submit")}
        </Button>
        <Button onClick={onDone} disabled={declare.isPending}>
          {t("cancel")}
        </Button>
      </div>
      <div className="empty:hidden sm:col-span-2">
        <FormError form={form} error={declare.error} title={t("notDeclared")} />
      </div>
    </form>
  );
}
