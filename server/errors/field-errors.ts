// zod issues as per-field messages, the `details.fields` of VALIDATION_FAILED. Pure: used by the
// tRPC error formatter and by services that validate rows themselves (CSV import).
import { issuePath, type IssueLike } from "@/i18n/validation";

type Issue = IssueLike & { message: string };

/**
 * Per-field messages as the schema gave them: { "customer.phone": ["customers.validation.phone"] };
 * "" is the input itself. Answers carry them in the caller's language (server/errors/localize.ts,
 * which words them from the issues themselves).
 */
export function fieldErrors(issues: Issue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issuePath(issue)] ??= []).push(issue.message);
  return fields;
}
