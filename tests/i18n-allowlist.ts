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
