// Formatting shared by the console's screens. Operators sit in Indonesia: dates in Asia/Jakarta,
// money as Indonesian rupiah ("Rp 150.000"), stored and sent as integers.
export const CONSOLE_TZ = "Asia/Jakarta";

const integer = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

export { formatRupiah } from "@/components/ui/money";

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatDate(iso: string, timeZone = CONSOLE_TZ): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

/** Indonesia's zones first: the ones a new ISP almost always needs. */
export const TIME_ZONES = [
  { value: "Asia/Jakarta", label: "Asia/Jakarta (WIB)" },
  { value: "Asia/Pontianak", label: "Asia/Pontianak (WIB)" },
  { value: "Asia/Makassar", label: "Asia/Makassar (WITA)" },
  { value: "Asia/Jayapura", label: "Asia/Jayapura (WIT)" },
];

/** Per-field messages from a VALIDATION_FAILED answer, if the error carries them. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const shape = (error as { shape?: { details?: { fields?: unknown } | null } } | null)?.shape;
  const fields = shape?.details?.fields;
  return fields && typeof fields === "object" ? (fields as Record<string, string[]>) : {};
}
