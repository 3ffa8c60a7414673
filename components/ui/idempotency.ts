// A key for one opening of a money form: a double click or a retry of that form records one
// payment. getRandomValues also works on plain-http hosts, where crypto.randomUUID() does not.
export function newIdempotencyKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
