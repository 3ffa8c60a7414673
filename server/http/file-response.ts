// A generated file as an HTTP answer (PDFs, spreadsheets, CSV): its type, size and a safe file
// name, never cached by anyone but the browser that asked. PDFs open inline (the browser's
// viewer); spreadsheets and CSV download.
import "server-only";

const TYPES = {
  pdf: { contentType: "application/pdf", disposition: "inline" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disposition: "attachment" },
  csv: { contentType: "text/csv; charset=utf-8", disposition: "attachment" },
} as const;

export type FileKind = keyof typeof TYPES;

export function fileResponse(kind: FileKind, bytes: Buffer | string, fileName: string): Response {
  const body = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  const { contentType, disposition } = TYPES[kind];
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": contentType,
      "content-length": String(body.byteLength),
      "content-disposition": `${disposition}; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
