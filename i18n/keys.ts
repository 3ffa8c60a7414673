// Catalogue keys as types, for messages that travel as data: a zod schema's custom message, a
// service's error message, a label table. A key that is not in the Indonesian catalogue is a
// compile error. Pure (type-level only at run time): schemas and services may import it.
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type { Messages } from "./messages";

/** Any full key: "customers.form.name". */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A field message: the shared `validation.*` ones or a domain's `<domain>.validation.*`. */
export type ValidationKey = Extract<MessageKey, `validation.${string}` | `${string}.validation.${string}`>;

/** A specific error message a service may give an AppError: `<domain>.errors.*`. */
export type ErrorMessageKey = Extract<MessageKey, `${string}.errors.${string}`>;

/** A zod schema's custom message: `z.string().regex(NIK, v("customers.validation.nik"))`. */
export const v = (key: ValidationKey): ValidationKey => key;

/** The translator shape the helpers below need (any next-intl or use-intl root translator). */
export type RootTranslate = {
  (key: never, values?: Record<string, string | number | Date>): string;
  has(key: never): boolean;
};

/** `t` called with a key known only at run time (checked with `has` first). */
export function translateKey(t: RootTranslate, key: string, values?: Record<string, string | number>): string {
  return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

export function hasKey(t: RootTranslate, key: string): boolean {
  return (t as unknown as { has(k: string): boolean }).has(key);
}
