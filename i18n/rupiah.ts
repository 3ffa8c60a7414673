// Rupiah as people read it, in either language: pure, so the UI's format module, server
// messages (error answers, PDFs) and the schemas write amounts one way.

/** Whole rupiah, grouped the Indonesian way in both languages: the currency's own convention. */
const RUPIAH_DIGITS = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** 1450000 -> "Rp 1.450.000"; -5000 -> "−Rp 5.000". A normal space, so copy-paste and tests see it. */
export function formatRupiah(amount: number): string {
  const text = `Rp ${RUPIAH_DIGITS.format(Math.abs(amount))}`;
  return amount < 0 ? `−${text}` : text;
}
