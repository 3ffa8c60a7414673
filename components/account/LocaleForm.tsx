"use client";
// A language picker form (the user's own language, the ISP's default): the languages named in
// themselves, saved through `onSave`; the page re-renders in the new language afterwards.
import { useEffect } from "react";
import { Field } from "@/components/ui/Field";
import { FormActions } from "@/components/ui/FormActions";
import { FormError, useZodForm } from "@/components/ui/form";
import { Select } from "@/components/ui/Select";
import type { ShownError } from "@/components/ui/Alert";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/i18n/locales";
import { ZSetLocaleInput } from "@/server/modules/identity/account.schema";

type LocaleFormProps = {
  value: Locale;
  label: string;
  hint?: string;
  submitLabel: string;
  savedMessage: string;
  saving: boolean;
  saved: boolean;
  error: ShownError;
  onSave: (locale: Locale) => void;
  testId: string;
};

export function LocaleForm({ value, label, hint, submitLabel, savedMessage, saving, saved, error, onSave, testId }: LocaleFormProps) {
  const form = useZodForm(ZSetLocaleInput, { defaultValues: { locale: value } });
  useEffect(() => form.reset({ locale: value }), [value, form]);
  return (
    <form onSubmit={form.handleSubmit(({ locale }) => onSave(locale))} className="space-y-3" noValidate>
      <Field label={label} hint={hint} error={form.formState.errors.locale?.message} className="max-w-xs">
        <Select {...form.register("locale")} data-testid={testId}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
      <FormError form={form} error={error} />
      <FormActions submitLabel={submitLabel} loading={saving} savedMessage={saved && !form.formState.isDirty ? savedMessage : null} />
    </form>
  );
}
