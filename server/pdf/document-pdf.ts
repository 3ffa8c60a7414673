// The same invoice / receipt model as the print view (document-model.ts), drawn as an A4 PDF
// with pdfkit's built-in Helvetica (no font files to ship). Node only: imported by route handlers.
// Helvetica covers WinAnsi (Latin-1 and a few more), so other characters are simplified or
// replaced before drawing; a PNG or JPEG logo is embedded, an SVG one is left out.
import "server-only";
import PDFDocument from "pdfkit";
import type { BillingDocument } from "./document-model";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT = A4.width - 2 * MARGIN;
const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#cbd5e1";
const STAMP_COLOURS = { paid: "#047857", void: "#b91c1c", draft: "#475569" } as const;

// Code points of WinAnsiEncoding's 0x80–0x9F block (the rest is Latin-1).
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

// Letters with strokes do not decompose into base + accent.
const STROKED: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i" };

/** Text Helvetica can draw: minus sign as hyphen, accents dropped where Latin-1 lacks the letter, "?" for the rest. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\u2212/g, "-").replace(/[\u00a0\u202f]/g, " ")) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === "\n") {
      out += ch;
      continue;
    }
    const base = STROKED[ch] ?? ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += base && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : "?";
  }
  return out;
}

/** A PNG or JPEG data URL as bytes; null for SVG or anything else. */
function logoBytes(dataUrl: string | null): Buffer | null {
  const match = dataUrl ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl) : null;
  return match ? Buffer.from(match[2]!, "base64") : null;
}

export function renderDocumentPdf(model: BillingDocument, info: { generatedAt?: Date } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: toWinAnsi(`${model.title} ${model.number}`), Author: toWinAnsi(model.issuer.name), Creator: "RRNET", CreationDate: info.generatedAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const t = toWinAnsi;
  const bottom = A4.height - MARGIN;

  // Letterhead: logo and ISP name on the left, title and number on the right.
  let nameX = MARGIN;
  const logo = logoBytes(model.issuer.logoDataUrl);
  if (logo) {
    try {
      pdf.image(logo, MARGIN, MARGIN, { fit: [110, 48], valign: "center" });
      nameX = MARGIN + 120;
    } catch {
      // A logo pdfkit cannot read (odd PNG variant) is left out rather than failing the PDF.
    }
  }
  pdf.fillColor(INK).font("Helvetica-Bold").fontSize(16).text(t(model.issuer.name), nameX, MARGIN + 6, { width: CONTENT - 190 - (nameX - MARGIN), height: 42, ellipsis: true });
  pdf.font("Helvetica-Bold").fontSize(20).fillColor("#334155").text(t(model.title.toUpperCase()), MARGIN, MARGIN + 4, { width: CONTENT, align: "right", characterSpacing: 2 });
  pdf.font("Courier").fontSize(11).fillColor(INK).text(t(model.number), MARGIN, MARGIN + 30, { width: CONTENT, align: "right" });
  let y = MARGIN + 60;
  pdf.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT, y).lineWidth(1.5).strokeColor(INK).stroke();
  y += 16;

  // Who it is for, and the facts (dates, status) on the right.
  const partyTop = y;
  pdf.font("Helvetica-Bold").fontSize(8).fillColor(MUTED).text(t(model.party.heading.toUpperCase()), MARGIN, y, { width: 250, characterSpacing: 0.5 });
  y = pdf.y + 3;
  pdf.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(t(model.party.name), MARGIN, y, { width: 250 });
  pdf.font("Helvetica").fontSize(9.5).fillColor("#334155");
  for (const line of model.party.lines) pdf.text(t(line), MARGIN, pdf.y + 1, { width: 250 });
  const partyBottom = pdf.y;
  let fy = partyTop;
  for (const [label, value] of model.facts) {
    pdf.font("Helvetica").fontSize(9.5).fillColor(MUTED).text(t(label), MARGIN + 280, fy, { width: 90 });
    pdf.font("Helvetica-Bold").fillColor(INK).text(t(value), MARGIN + 370, fy, { width: CONTENT - 370, align: "right" });
    fy = Math.max(pdf.y, fy + 13) + 2;
  }
  y = Math.max(partyBottom, fy) + 18;

  // Lines table: the first column wraps, the others are right-aligned figures.
  const columnWidths: Record<number, number[]> = { 5: [215, 40, 85, 75, 80], 4: [CONTENT - 285, 95, 95, 95] };
  const widths = columnWidths[model.table.columns.length] ?? [CONTENT - 130, 130];
  const cellX = (i: number) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0);
  const drawHeader = () => {
    pdf.font("Helvetica-Bold").fontSize(8).fillColor(MUTED);
    model.table.columns.forEach((c, i) => pdf.text(t(c.toUpperCase()), cellX(i), y, { width: widths[i]! - (i === 0 ? 8 : 0), align: i === 0 ? "left" : "right", characterSpacing: 0.4 }));
    y += 14;
    pdf.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT, y).lineWidth(0.8).strokeColor("#94a3b8").stroke();
    y += 6;
  };
  drawHeader();
  pdf.font("Helvetica").fontSize(9.5).fillColor(INK);
  for (const row of model.table.rows) {
    const height = Math.max(...row.map((cell, i) => pdf.heightOfString(t(cell), { width: widths[i]! - (i === 0 ? 8 : 0) })));
    if (y + height + 8 > bottom) {
      pdf.addPage();
      y = MARGIN;
      drawHeader();
      pdf.font("Helvetica").fontSize(9.5).fillColor(INK);
    }
    row.forEach((cell, i) => pdf.text(t(cell), cellX(i), y, { width: widths[i]! - (i === 0 ? 8 : 0), align: i === 0 ? "left" : "right" }));
    y += height + 5;
    pdf.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT, y).lineWidth(0.4).strokeColor(RULE).stroke();
    y += 5;
  }

  // Totals, right-aligned.
  y += 4;
  if (y + 60 > bottom) {
    pdf.addPage();
    y = MARGIN;
  }
  // The stamp (PAID / VOID / DRAFT), at an angle beside the totals.
  const stampBottom = model.stamp ? y + 70 : y;
  if (model.stamp) {
    const colour = STAMP_COLOURS[model.stamp.tone];
    const sx = MARGIN + 30;
    const sy = y + 6;
    pdf.save();
    pdf.rotate(-12, { origin: [sx + 65, sy + 20] });
    pdf.opacity(0.75).lineWidth(3).strokeColor(colour).roundedRect(sx, sy, 130, 40, 4).stroke();
    pdf.fillColor(colour).font("Helvetica-Bold").fontSize(24).text(t(model.stamp.text), sx, sy + 9, { width: 130, align: "center", characterSpacing: 4, lineBreak: false });
    pdf.restore();
    pdf.opacity(1);
  }
  const ensure = (space: number) => {
    if (y + space > bottom) {
      pdf.addPage();
      y = MARGIN;
    }
  };
  for (const total of model.totals) {
    ensure(20);
    if (total.strong) {
      pdf.moveTo(MARGIN + CONTENT - 220, y - 2).lineTo(MARGIN + CONTENT, y - 2).lineWidth(0.8).strokeColor("#94a3b8").stroke();
      y += 2;
    }
    pdf.font(total.strong ? "Helvetica-Bold" : "Helvetica").fontSize(total.strong ? 11 : 9.5).fillColor(INK);
    pdf.text(t(total.label), MARGIN + CONTENT - 220, y, { width: 120 });
    pdf.text(t(total.value), MARGIN + CONTENT - 100, y, { width: 100, align: "right" });
    y += total.strong ? 17 : 14;
  }

  y = Math.max(y, stampBottom);

  if (model.payments.length) {
    y += 12;
    ensure(30);
    pdf.font("Helvetica-Bold").fontSize(8).fillColor(MUTED).text(t(model.paymentsHeading.toUpperCase()), MARGIN, y, { characterSpacing: 0.5 });
    y = pdf.y + 4;
    pdf.font("Helvetica").fontSize(9).fillColor(INK);
    for (const [receipt, method, date, amount] of model.payments) {
      ensure(14);
      pdf.text(t(`${receipt}  ·  ${method}  ·  ${date}`), MARGIN, y, { width: CONTENT - 110 });
      pdf.text(t(amount!), MARGIN + CONTENT - 100, y, { width: 100, align: "right" });
      y += 14;
    }
  }

  if (model.notes) {
    y += 14;
    ensure(30);
    pdf.font("Helvetica").fontSize(9.5).fillColor("#334155").text(t(model.notes), MARGIN, y, { width: CONTENT });
    y = pdf.y;
  }

  if (model.footer) {
    y += 24;
    const height = pdf.font("Helvetica").fontSize(8.5).heightOfString(t(model.footer), { width: CONTENT, align: "center" });
    ensure(height + 12);
    pdf.moveTo(MARGIN, y).lineTo(MARGIN + CONTENT, y).lineWidth(0.4).strokeColor(RULE).stroke();
    pdf.fillColor(MUTED).text(t(model.footer), MARGIN, y + 8, { width: CONTENT, align: "center" });
  }

  pdf.end();
  return done;
}
