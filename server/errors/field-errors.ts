// zod issues as per-field messages, the `details.fields` of VALIDATION_FAILED. Pure: used by the
// tRPC error formatter and by services that validate rows themselves (CSV import).
type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

/** Per-field messages: { "customer.phone": ["Invalid phone"] }; "" is the input itself. */
export function fieldErrors(issues: Issue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
