// Files still allowed to carry user-visible words outside the catalogues. The checks in
// tests/i18n-literals.test.ts fail on a literal anywhere else, and on a file listed here that
// no longer has one (so the list only shrinks). Converting a file: move its words into
// messages/{id,en}/<domain>.json, build it from the kit (README "How to build a page"), then
// delete its line here.

/** Words that are never translated: the brand, zone names with their abbreviations. */
export const NEVER_TRANSLATED: readonly string[] = ["components/ui/Wordmark.tsx", "components/console/time-zones.ts"];

/** Pages and components not converted yet (JSX text, visible attributes, metadata titles). */
export const UNCONVERTED_UI: readonly string[] = [
];

/**
 * Server files whose AppErrors or field messages still carry English sentences instead of
 * catalogue keys (users read the code's message meanwhile; the sentence stays in the log).
 * Also convert the helpers these files pass sentences through (staff `forbidden()`, domain
 * `invalidDomain()`, subscription `invalid()`), which the check cannot see.
 */
export const UNCONVERTED_SERVER: readonly string[] = [
  "server/modules/billing/gateway/gateway.service.ts",
  "server/modules/billing/invoice.service.ts",
  "server/modules/billing/payment.service.ts",
];
