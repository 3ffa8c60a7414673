// A zod issue as a sentence in the user's language. One function for both sides: the tRPC
// error formatter turns a VALIDATION_FAILED answer's issues into `details.fields` in the
// caller's language, and the kit's forms (components/ui/form.ts) use it for the same schemas in
// the browser. A schema's own message is a catalogue key (i18n/keys.ts `v(...)`); built-in
// checks (required, min, max, email, ...) get the shared `validation.*` sentences.
import { hasKey, translateKey, type RootTranslate } from "./keys";

export type IssueLike = {
  code?: string;
  message?: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  divisor?: number | bigint;
  expected?: string;
  params?: Record<string, unknown>;
};

const num = (value: number | bigint | undefined) => Number(value ?? 0);

/** `knowsInput`: the issue carries the value it was about (in the browser); the server's do not. */
export function issueMessage(issue: IssueLike, t: RootTranslate, knowsInput = false): string {
  if (issue.message && hasKey(t, issue.message)) {
    const values: Record<string, string | number> = {};
    for (const [k, val] of Object.entries(issue.params ?? {})) if (typeof val === "string" || typeof val === "number") values[k] = val;
    if (issue.minimum !== undefined) values.minimum = num(issue.minimum);
    if (issue.maximum !== undefined) values.maximum = num(issue.maximum);
    return translateKey(t, issue.message, values);
  }
  const say = (key: string, values?: Record<string, string | number>) => translateKey(t, `validation.${key}`, values);
  switch (issue.code) {
    case "invalid_type":
      if (knowsInput && (issue.input === undefined || issue.input === null || issue.input === "")) return say("required");
      if (issue.expected === "int") return say("integer");
      if (issue.expected === "number") return say("number");
      return say("invalid");
    case "too_small":
      if (issue.origin === "string") return num(issue.minimum) <= 1 ? say("required") : say("tooShort", { minimum: num(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set") return say("tooFew", { minimum: num(issue.minimum) });
      return say(issue.inclusive === false ? "tooSmallExclusive" : "tooSmall", { minimum: num(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return say("tooLong", { maximum: num(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set") return say("tooMany", { maximum: num(issue.maximum) });
      return say(issue.inclusive === false ? "tooBigExclusive" : "tooBig", { maximum: num(issue.maximum) });
    case "invalid_format":
      return say(issue.format === "email" ? "email" : "format");
    case "invalid_value":
      return say("choice");
    case "not_multiple_of":
      return say("multipleOf", { divisor: num(issue.divisor) });
    default:
      return say("invalid");
  }
}

/** The dotted field path of an issue: "lines.0.discountIdr"; "" is the input itself. */
export function issuePath(issue: IssueLike): string {
  return (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
}

/** Issues as per-field sentences: { billingDay: ["Tanggal tagihan 1 sampai 28."] }. */
export function fieldMessages(issues: readonly IssueLike[], t: RootTranslate, knowsInput = false): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issuePath(issue)] ??= []).push(issueMessage(issue, t, knowsInput));
  return fields;
}
