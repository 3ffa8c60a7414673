// An AppError as its user reads it: the code's message (or the error's own catalogue key) and
// the per-field messages of a VALIDATION_FAILED, in the caller's language. The code and the
// other details stay as they are: clients branch on those.
import "server-only";
import { hasKey, translateKey, type RootTranslate } from "@/i18n/keys";
import type { Locale } from "@/i18n/locales";
import { messageArgs, serverTranslator } from "@/i18n/translator";
import { fieldMessages } from "@/i18n/validation";
import type { AppError, ErrorBody } from "./app-error";

function fieldsOf(error: AppError, t: RootTranslate): Record<string, string[]> | undefined {
  if (error.issues) return fieldMessages(error.issues, t);
  const fields = error.details?.fields;
  if (!fields || typeof fields !== "object") return undefined;
  // A service's own field messages are catalogue keys, interpolated with the error's details.
  const args = messageArgs(error.details);
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).map(([field, messages]) => [
      field,
      (Array.isArray(messages) ? messages : [messages]).map((m) => (typeof m === "string" && hasKey(t, m) ? translateKey(t, m, args) : String(m))),
    ]),
  );
}

export function localizeError(error: AppError, locale: Locale): ErrorBody {
  const t = serverTranslator(locale) as unknown as RootTranslate;
  const message =
    error.messageKey && hasKey(t, error.messageKey) ? translateKey(t, error.messageKey, messageArgs(error.details)) : translateKey(t, `errors.codes.${error.code}`);
  const fields = fieldsOf(error, t);
  const details = fields ? { ...error.details, fields } : error.details;
  return details === undefined ? { error: message, code: error.code } : { error: message, code: error.code, details };
}
