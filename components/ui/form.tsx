"use client";
// Forms of the kit: react-hook-form with the zod resolver and the module's own Z… schema (one
// rule, one place: the server parses the same schema). Messages are in the user's language:
// the schema's own messages are catalogue keys (i18n/keys.ts `v(...)`), built-in checks get the
// shared `validation.*` sentences (i18n/validation.ts). A refused save puts the server's
// VALIDATION_FAILED `details.fields` (already in the user's language) on their fields, and a
// CONFLICT naming a `details.field` on that field; whatever names no field of the form shows
// in <FormError>.
//
//   const form = useZodForm(ZCreateCustomerInput, { defaultValues });
//   const create = useMutation(trpc.customers.create.mutationOptions({ onError: (e) => setServerErrors(form, e) }));
//   <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
//     <Field label={t("name")} error={form.formState.errors.name?.message}><Input {...form.register("name")} /></Field>
//     <FormError form={form} error={create.error} />
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { useForm, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { hasKey, translateKey, type RootTranslate } from "@/i18n/keys";
import { issueMessage, type IssueLike } from "@/i18n/validation";
import { Alert, type ShownError } from "./Alert";
import { parseRupiah } from "./format";

/** Schema-level messages arrive as catalogue keys: translate them in place (nested fields too). */
function translateKeys(errors: FieldErrors, t: RootTranslate): void {
  for (const [key, value] of Object.entries(errors)) {
    // `ref` is the field's DOM element, `types` react-hook-form's own: not field errors.
    if (key === "ref" || key === "types" || !value || typeof value !== "object") continue;
    const entry = value as { message?: unknown };
    if (typeof entry.message === "string" && hasKey(t, entry.message)) entry.message = translateKey(t, entry.message);
    translateKeys(value as FieldErrors, t);
  }
}

type FieldState = { isTouched: boolean; error?: unknown };

/**
 * A field array's own validation (react-hook-form runs it after every add or remove, on the
 * whole array) may only keep errors on fields the person has touched or that already show one:
 * a line just added is not wrong yet, and a valid line keeps no message it no longer deserves.
 * Leaves of `errors` (objects with a `type`) under each numbered item of `arrayName` are dropped
 * otherwise; items left empty go, and the array's entry goes when nothing is left.
 */
export function keepShownArrayErrors(errors: Record<string, unknown>, arrayName: string, fieldState: (path: string) => FieldState): void {
  const items = errors[arrayName];
  if (!items || typeof items !== "object") return;
  const prune = (node: Record<string, unknown>, path: string): boolean => {
    if (typeof node.type === "string") {
      const state = fieldState(path);
      return state.isTouched || Boolean(state.error);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "ref" || !child || typeof child !== "object") continue;
      if (!prune(child as Record<string, unknown>, `${path}.${key}`)) delete node[key];
    }
    return Object.keys(node).some((k) => k !== "ref");
  };
  const list = items as Record<string, unknown>;
  for (const [key, item] of Object.entries(list)) {
    if (!/^\d+$/.test(key) || !item || typeof item !== "object") continue;
    if (!prune(item as Record<string, unknown>, `${arrayName}.${key}`)) delete list[key];
  }
  if (!Object.keys(list).some((k) => list[k] !== undefined)) delete errors[arrayName];
}

/**
 * useForm with `schema` as its resolver (validated on blur, then on every change), messages in
 * the user's language. The form's values are the schema's input; handleSubmit gets its output.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {}): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const t = useTranslations() as unknown as RootTranslate;
  const formRef = useRef<UseFormReturn<z.input<S>, unknown, z.output<S>> | null>(null);
  const resolver = useMemo(() => {
    // The browser's issues carry the value (so "required" can be told from "wrong type").
    const base = zodResolver(schema as never, { error: (issue: IssueLike) => issueMessage(issue, t, true) }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
    const translated: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, opts) => {
      const result = await base(values, context, opts);
      translateKeys(result.errors as FieldErrors, t);
      const form = formRef.current;
      for (const name of opts.names ?? []) {
        if (form && Array.isArray((values as Record<string, unknown>)[name])) keepShownArrayErrors(result.errors as Record<string, unknown>, name, (path) => form.getFieldState(path as Path<z.input<S>>));
      }
      return result;
    };
    return translated;
  }, [schema, t]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ mode: "onTouched", ...options, resolver });
  useEffect(() => {
    formRef.current = form;
  }, [form]);
  return form;
}

type ServerShape = { shape?: { details?: { fields?: unknown; field?: unknown } | null } | null; message?: string };

/** The per-field messages of a refused call (VALIDATION_FAILED `details.fields`). */
export function serverFieldErrors(error: unknown): Record<string, string[]> {
  const fields = (error as ServerShape | null)?.shape?.details?.fields;
  return fields && typeof fields === "object" ? (fields as Record<string, string[]>) : {};
}

/** Dotted paths of every value of the form: "name", "lines.0.discountIdr". */
function valuePaths(values: unknown, prefix = ""): string[] {
  if (values === null || typeof values !== "object" || values instanceof Date) return prefix ? [prefix] : [];
  const own = prefix ? [prefix] : [];
  return own.concat(Object.entries(values as Record<string, unknown>).flatMap(([k, v]) => valuePaths(v, prefix ? `${prefix}.${k}` : k)));
}

/** What a refused call says about fields of a form with these values vs. fields it does not have. */
export function splitServerErrors(values: unknown, error: unknown): { onFields: Array<[path: string, message: string]>; elsewhere: string[] } {
  const known = new Set(valuePaths(values));
  const onFields: Array<[string, string]> = [];
  const elsewhere: string[] = [];
  for (const [path, messages] of Object.entries(serverFieldErrors(error))) {
    const text = messages.join(" ");
    if (known.has(path)) onFields.push([path, text]);
    else elsewhere.push(text);
  }
  // A CONFLICT about one field (a name or email already taken): its message goes on the field.
  const field = (error as ServerShape | null)?.shape?.details?.field;
  if (typeof field === "string" && known.has(field) && (error as ServerShape).message) onFields.push([field, (error as ServerShape).message!]);
  return { onFields, elsewhere };
}

/** Puts a refused call's field messages on the form's fields (highlighted, focus on the first). */
export function setServerErrors<V extends FieldValues>(form: UseFormReturn<V, unknown, unknown>, error: unknown): void {
  splitServerErrors(form.getValues(), error).onFields.forEach(([path, message], i) => form.setError(path as Path<V>, { type: "server", message }, { shouldFocus: i === 0 }));
}

/** The refusal as a whole (message and code), with field messages the form has no field for. */
export function FormError<V extends FieldValues>({ form, error, title }: { form: UseFormReturn<V, unknown, unknown>; error: ShownError; title?: string }) {
  if (!error) return null;
  const { elsewhere } = splitServerErrors(form.getValues(), error);
  return (
    <Alert tone="danger" title={title} code={error.data?.code ?? null}>
      <p>{error.message}</p>
      {elsewhere.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {elsewhere.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** For number inputs: "" is "not given" (undefined), otherwise the number typed (decimal comma accepted). */
export function optionalNumber(value: unknown): number | undefined {
  if (value === "" || value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  const n = Number(String(value).trim().replace(",", "."));
  return Number.isNaN(n) ? (value as never) : n;
}

/** For optional text inputs: "" (or only spaces) is "not given". */
export function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() === "" ? undefined : (value as string);
}

/** For rupiah inputs: "150.000", "Rp 150.000" or "150000" as integer rupiah, "" as not given; anything else is left for zod to refuse. */
export function optionalRupiah(value: unknown): unknown {
  return typeof value === "string" ? (value.trim() === "" ? undefined : (parseRupiah(value) ?? value)) : value;
}
