// A small RFC 4180 CSV reader and writer (no CSV library is installed): quoted fields, "" inside
// quotes, CRLF or LF line ends, a UTF-8 BOM. Each record keeps the 1-based line it starts on, so
// an import can point at the line a spreadsheet user sees.

import "server-only";

export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = "";
  let recordLine = 1;
  let inQuotes = false;
  let quotedLine = 0;
  let fieldQuoted = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === "" && !fieldQuoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldQuoted = false;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new CsvSyntaxError(`Line ${line}: a quote inside an unquoted field`, line);
      inQuotes = true;
      fieldQuoted = true;
      quotedLine = line;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      fieldQuoted = false;
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (fieldQuoted) throw new CsvSyntaxError(`Line ${line}: text after a closing quote`, line);
      field += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(`Line ${quotedLine}: a quoted field is never closed`, quotedLine);
  if (field !== "" || fields.length > 0 || fieldQuoted) endRecord();
  return records;
}

/**
 * Text that spreadsheets must show, not run: a formula character (= + - @, or a tab / CR that
 * Excel strips before one) at the start of the cell, or right after a ';' or ',' — Indonesian
 * Excel splits on ';', so "x;=1+1" would become a formula cell — gets a leading '. toCsv then
 * quotes the cell because of its separator.
 */
export function spreadsheetText(value: string | null): string {
  if (!value) return "";
  return value.replace(/(^|[;,])([=+\-@\t\r])/g, "$1'$2");
}

function csvCell(value: string): string {
  return /[",;\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
