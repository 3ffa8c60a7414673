"use client";
// One customer: their name and contact links (phone as call and WhatsApp, the location as a map
// link) first, then what they owe (the page's `money` slot: on a phone the collector's answer
// comes before the details), the facts, the page's other cards, and for managers an edit form
// on the server's own schema. The full KTP/NIK arrives only for roles
// that manage customers.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormActions } from "@/components/ui/FormActions";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { MANUAL_STATUSES, ZUpdateCustomerInput, type TCustomerDetail, type TCustomerStatus } from "@/server/modules/customers/customers.schema";
import { StatusBadge } from "./status";
import { Fact } from "@/components/ui/Fact";

/** "+6281234567890" -> the wa.me link WhatsApp opens a chat with (digits only). */
export const whatsappLink = (phone: string) => `https://wa.me/${phone.replace(/\D/g, "")}`;
/** A point as a link every phone opens in its map app (and a browser in Google Maps). */
export const mapLink = (latitude: number, longitude: number) => `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`;

type CustomerDetailProps = {
  id: string;
  canManage: boolean;
  /** What the customer owes (the billing card), shown before their details. */
  money?: ReactNode;
  /** The page's other cards, between the details and the edit form. */
  children?: ReactNode;
};

export function CustomerDetail({ id, canManage, money, children }: CustomerDetailProps) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  const c = customer.data;
  return (
    <div className="space-y-4">
      <Link href="/customers" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline md:min-h-0">
        ← {t("detail.back")}
      </Link>
      {customer.isPending && <Skeleton className="h-40" />}
      <ErrorAlert error={customer.error} title={t("detail.couldNotLoad")} />
      {c && <CustomerHeader customer={c} />}
      {money}
      {c && <CustomerFacts customer={c} />}
      {children}
      {c && canManage && <EditCustomerForm customer={c} />}
    </div>
  );
}

function CustomerHeader({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const located = c.latitude !== null && c.longitude !== null;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-2xl font-bold tracking-tight break-words text-slate-900">
          {c.name} <span className="font-mono text-sm font-normal text-slate-500">{c.code}</span>
        </h1>
        <StatusBadge status={c.status} />
      </div>
      {(c.phone || located) && (
        <div className="flex flex-wrap gap-2" data-testid="customer-contact">
          {c.phone && (
            <>
              <a href={`tel:${c.phone}`} className={buttonClass("secondary")}>
                {t("detail.call")}
              </a>
              <a href={whatsappLink(c.phone)} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
                {t("detail.whatsapp")}
              </a>
            </>
          )}
          {located && (
            <a href={mapLink(c.latitude!, c.longitude!)} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
              {t("detail.openMap")}
            </a>
          )}
        </div>
      )}
    </header>
  );
}

function CustomerFacts({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const common = useTranslations("common");
  const format = useFormat();
  const none = common("none");
  const located = c.latitude !== null && c.longitude !== null;
  return (
    <Card title={t("detail.facts")}>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <Fact label={t("fields.phone")}>{c.phone ?? none}</Fact>
        <Fact label={t("fields.billingDay")}>{t("detail.billingDayValue", { day: c.billingDay })}</Fact>
        <Fact label={t("fields.address")}>{c.address ?? none}</Fact>
        <Fact label={t("fields.location")}>
          {located ? `${format.decimal(c.latitude!)}, ${format.decimal(c.longitude!)}` : none}
        </Fact>
        <Fact label={t("fields.idNumber")}>{c.idNumber ?? (c.idNumberLast4 ? t("detail.maskedId", { last4: c.idNumberLast4 }) : none)}</Fact>
        <Fact label={t("fields.added")}>{format.dateTime(c.createdAt)}</Fact>
        <Fact label={t("fields.notes")}>{c.notes ?? none}</Fact>
        <Fact label={t("fields.lastChange")}>{format.dateTime(c.updatedAt)}</Fact>
      </dl>
    </Card>
  );
}

/** Text inputs of the edit form: "" clears the field (null), anything else is sent as typed. */
const orNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const numberOrNull = (value: unknown) => {
  if (value === "" || value === null || value === undefined) return null;
  const n = Number(String(value).trim().replace(",", "."));
  return Number.isNaN(n) ? value : n;
};

const formValues = (c: TCustomerDetail) => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  address: c.address,
  latitude: c.latitude,
  longitude: c.longitude,
  idNumber: c.idNumber,
  billingDay: c.billingDay,
  status: c.status,
  notes: c.notes,
});

function EditCustomerForm({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZUpdateCustomerInput, { defaultValues: formValues(c) });
  // A saved change comes back as a new version of the customer: the form starts from it.
  const version = c.updatedAt;
  useEffect(() => form.reset(formValues(c)), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id: c.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() }),
        ]);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const submit = form.handleSubmit((values) =>
    update.mutate({
      ...values,
      // Without the full number on screen, an empty field means "keep", not "clear".
      idNumber: c.idNumber === null && values.idNumber === null ? undefined : values.idNumber,
      // Sent only when changed: an isolated customer stays isolated until billing restores it.
      status: values.status === c.status ? undefined : values.status,
    }),
  );
  const { errors } = form.formState;
  const statuses: TCustomerStatus[] = c.status === "isolated" ? ["isolated", ...MANUAL_STATUSES] : [...MANUAL_STATUSES];
  const text = { setValueAs: orNull };
  const coordinate = { setValueAs: numberOrNull };
  return (
    <Card title={t("edit.title")}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="edit-customer-form">
        <Field label={t("fields.name")} error={errors.name?.message} required>
          <Input {...form.register("name")} />
        </Field>
        <Field label={t("fields.phone")} error={errors.phone?.message}>
          <Input type="tel" inputMode="tel" {...form.register("phone", text)} />
        </Field>
        <Field label={t("fields.address")} error={errors.address?.message} className="sm:col-span-2">
          <Input {...form.register("address", text)} />
        </Field>
        <Field label={t("fields.latitude")} error={errors.latitude?.message}>
          <Input inputMode="decimal" placeholder="-6.2088" {...form.register("latitude", coordinate)} />
        </Field>
        <Field label={t("fields.longitude")} error={errors.longitude?.message}>
          <Input inputMode="decimal" placeholder="106.8456" {...form.register("longitude", coordinate)} />
        </Field>
        <Field label={t("fields.billingDay")} hint={t("fields.billingDayHint")} error={errors.billingDay?.message}>
          <Input type="number" inputMode="numeric" min={1} max={28} {...form.register("billingDay", { valueAsNumber: true })} />
        </Field>
        <Field label={t("fields.status")} hint={t("fields.statusHint")} error={errors.status?.message}>
          <Select {...form.register("status")}>
            {statuses.map((s) => (
              <option key={s} value={s} disabled={s === "isolated"}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.idNumber")} error={errors.idNumber?.message}>
          <Input inputMode="numeric" autoComplete="off" placeholder={t("fields.idNumberPlaceholder")} {...form.register("idNumber", text)} />
        </Field>
        <Field label={t("fields.notes")} error={errors.notes?.message} className="sm:col-span-2">
          <Textarea {...form.register("notes", text)} />
        </Field>
        <div className="sm:col-span-2">
          <FormError form={form} error={update.error} />
        </div>
        <div className="sm:col-span-2">
          <FormActions
            submitLabel={update.isPending ? t("edit.submitting") : t("edit.submit")}
            loading={update.isPending}
            savedMessage={update.isSuccess && !form.formState.isDirty ? t("edit.saved") : null}
          />
        </div>
      </form>
    </Card>
  );
}
