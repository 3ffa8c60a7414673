"use client";
// Creates a work order (tasks.manage): kind, what to do, the customer and the site (address and
// position, taken from the customer when picked), the visit (date and time in the tenant's zone)
// and who goes. With technicians chosen it starts as "assigned".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { CustomerPicker, type PickedCustomer } from "@/components/billing/CustomerPicker";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { startOfLocalDay } from "@/server/time/calendar-date";
import { WORK_ORDER_KINDS } from "@/server/modules/workorders/work-order-rules";
import { ZWorkOrderFormFields, type TWorkOrderFormFields } from "@/server/modules/workorders/workorders.schema";

const nullIfBlank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const numberOrNull = (value: unknown) => optionalNumber(value) ?? null;

/** A date and a time of day in `timeZone` as an instant (a date alone is the start of its day). */
function scheduledInstant(date: string | null, time: string | null, timeZone: string): string | null {
  if (!date) return null;
  const [h = 0, m = 0] = (time ?? "00:00").split(":").map(Number);
  return new Date(startOfLocalDay(date, timeZone).getTime() + (h * 60 + m) * 60_000).toISOString();
}

export function WorkOrderForm({ customer: initialCustomer }: { customer: PickedCustomer | null }) {
  const t = useTranslations("workorders.form");
  const tw = useTranslations("workorders");
  const trpc = useTRPC();
  const format = useFormat();
  const router = useRouter();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.workOrders.assignable.queryOptions());
  const [customer, setCustomer] = useState<PickedCustomer | null>(initialCustomer);
  const defaults: TWorkOrderFormFields = {
    kind: "installation",
    title: "",
    description: null,
    customerId: initialCustomer?.id ?? null,
    address: initialCustomer?.address ?? null,
    latitude: initialCustomer?.latitude ?? null,
    longitude: initialCustomer?.longitude ?? null,
    scheduledDate: null,
    scheduledTime: null,
    assigneeIds: [],
  };
  const form = useZodForm(ZWorkOrderFormFields, { defaultValues: defaults });
  const create = useMutation(
    trpc.workOrders.create.mutationOptions({
      onSuccess: async (order) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workOrders.pathKey() });
        router.push(`/work-orders/${order.id}`);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const pickCustomer = (picked: PickedCustomer | null) => {
    setCustomer(picked);
    form.setValue("customerId", picked?.id ?? null);
    if (picked) {
      if (!form.getValues("address")) form.setValue("address", picked.address ?? null);
      if (form.getValues("latitude") === null && picked.latitude != null && picked.longitude != null) {
        form.setValue("latitude", picked.latitude);
        form.setValue("longitude", picked.longitude);
      }
    }
  };
  const { errors } = form.formState;
  return (
    <Card>
      <form
        noValidate
        className="grid gap-4 sm:grid-cols-2"
        data-testid="workorder-form"
        onSubmit={form.handleSubmit(({ scheduledDate, scheduledTime, ...values }) => {
          if (create.isPending) return;
          create.mutate({ ...values, scheduledAt: scheduledInstant(scheduledDate, scheduledTime, format.timeZone), ticketId: null, incidentId: null, subscriptionId: null });
        })}
      >
        <Field label={t("kind")} error={errors.kind?.message} required>
          <Select {...form.register("kind")} data-testid="workorder-kind">
            {WORK_ORDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {tw(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("title")} hint={t("titleHint")} error={errors.title?.message} required>
          <Input maxLength={200} autoComplete="off" {...form.register("title")} data-testid="workorder-title" />
        </Field>
        <CustomerPicker value={customer} onChange={pickCustomer} />
        <Field label={t("address")} error={errors.address?.message} className="sm:col-span-2">
          <Input maxLength={500} {...form.register("address", { setValueAs: nullIfBlank })} data-testid="workorder-address" />
        </Field>
        <Field label={t("latitude")} hint={t("coordinatesHint")} error={errors.latitude?.message}>
          <Input inputMode="decimal" autoComplete="off" {...form.register("latitude", { setValueAs: numberOrNull })} />
        </Field>
        <Field label={t("longitude")} error={errors.longitude?.message}>
          <Input inputMode="decimal" autoComplete="off" {...form.register("longitude", { setValueAs: numberOrNull })} />
        </Field>
        <Field label={t("scheduledDate")} hint={t("scheduledHint", { zone: format.zone() })} error={errors.scheduledDate?.message}>
          <Input type="date" {...form.register("scheduledDate", { setValueAs: nullIfBlank })} data-testid="workorder-date" />
        </Field>
        <Field label={t("scheduledTime")} error={errors.scheduledTime?.message}>
          <Input type="time" {...form.register("scheduledTime", { setValueAs: nullIfBlank })} data-testid="workorder-time" />
        </Field>
        <Field label={t("description")} error={errors.description?.message} className="sm:col-span-2">
          <Textarea rows={3} maxLength={4000} {...form.register("description", { setValueAs: nullIfBlank })} />
        </Field>
        <fieldset className="min-w-0 sm:col-span-2" data-testid="workorder-assignees">
          <legend className="text-sm font-medium text-slate-700">{t("assignees")}</legend>
          <p className="text-xs text-slate-500">{t("assigneesHint")}</p>
          <ErrorAlert error={staff.error} />
          <Controller
            control={form.control}
            name="assigneeIds"
            render={({ field }) => {
              const chosen = new Set(field.value ?? []);
              const toggle = (id: string, on: boolean) => field.onChange(on ? [...chosen, id] : [...chosen].filter((x) => x !== id));
              return (
                <div className="mt-1 grid gap-x-4 sm:grid-cols-2">
                  {(staff.data ?? []).map((p) => (
                    <Checkbox key={p.id} label={p.name} checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                  ))}
                  {staff.data?.length === 0 && <p className="text-sm text-slate-500">{t("noAssignable")}</p>}
                </div>
              );
            }}
          />
          {errors.assigneeIds?.message && <p className="mt-1 text-sm text-red-700">{errors.assigneeIds.message}</p>}
        </fieldset>
        <div className="sm:col-span-2">
          <FormError form={form} error={create.error} title={t("notCreated")} />
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" variant="primary" loading={create.isPending} className="w-full sm:w-auto" data-testid="workorder-submit">
            {create.isPending ? t("submitting") : t("submit")}
          </Button>
          <ButtonLink href="/work-orders" className="w-full sm:w-auto">
            {t("cancel")}
          </ButtonLink>
        </div>
      </form>
    </Card>
  );
}
