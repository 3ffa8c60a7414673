// Money on screen: integer rupiah as "Rp 150.000", and rupiah typed by people back to an integer.
// Shared by server and client components.

const IDR = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** 150000 -> "Rp 150.000"; -5000 -> "−Rp 5.000". A normal space, so copy-paste and tests see it. */
export function formatRupiah(amount: number): string {
  const text = `Rp ${IDR.format(Math.abs(amount))}`;
  return amount < 0 ? `−${text}` : text;
}

/** Whole rupiah as typed: "150000", "150.000" or "Rp 150.000"; null when it is not a whole amount. */
export function parseRupiah(value: string): number | null {
  const digits = value.trim().replace(/^rp\.?\s*/i, "").replace(/[.\s]/g, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  return Number(digits);
}
