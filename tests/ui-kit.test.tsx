// The kit renders what pages rely on: a DataTable draws each row once (a table from md up, the
// same rows as cards on phones), labels card details with their header, adds a checkbox per row
// for selection and "load more" while a next page exists; a Field ties its label, hint and
// error to the control; a Checkbox's tap target is its whole label. Rendered on the server, as the first paint is.
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Checkbox } from "@/components/ui/Checkbox";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { MESSAGES } from "@/i18n/messages";

type Row = { id: string; name: string; phone: string };
const rows: Row[] = [
  { id: "a", name: "Warung Bu Sri", phone: "+6281234500011" },
  { id: "b", name: "Ahmad Fauzi", phone: "+6281234500012" },
];
const col = dataTableColumns<Row>();
const columns = col.columns([col.accessor("name", { header: "Nama", meta: { card: "title" } }), col.accessor("phone", { header: "WhatsApp / HP" })]);

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="id" messages={MESSAGES.id} timeZone="Asia/Jakarta">
      {node}
    </NextIntlClientProvider>,
  );
const count = (html: string, text: string) => html.split(text).length - 1;

describe("DataTable", () => {
  it("draws each row once, the title as the row's link, details labelled for cards", () => {
    const html = render(<DataTable data={rows} columns={columns} getRowId={(r) => r.id} caption="Daftar pelanggan" rowHref={(r) => `/customers/${r.id}`} />);
    expect(count(html, "Warung Bu Sri")).toBe(1);
    expect(html.match(/<tr[ >]/g)).toHaveLength(3); // the header and two rows, nothing drawn twice
    expect(html).toContain('href="/customers/a"');
    expect(html).toContain('data-label="WhatsApp / HP"');
    expect(html).toContain("<caption");
  });

  it("selection adds a checkbox per row and one for all; load more shows while there is a next page", () => {
    const html = render(
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption="Daftar"
        selection={{ selected: { a: true }, onChange: () => undefined }}
        loadMore={{ hasNextPage: true, isFetchingNextPage: false, fetchNextPage: async () => undefined }}
      />,
    );
    expect(count(html, 'type="checkbox"')).toBe(3);
    expect(count(html, 'checked=""')).toBe(1);
    expect(html).toContain("Pilih semua baris");
    expect(html).toContain("Muat lebih banyak");
  });

  it("shows the empty state when there are no rows, skeletons while loading", () => {
    expect(render(<DataTable data={[]} columns={columns} getRowId={(r) => r.id} caption="Daftar" empty={<p>Belum ada pelanggan.</p>} />)).toContain("Belum ada pelanggan.");
    expect(render(<DataTable data={[]} columns={columns} getRowId={(r) => r.id} caption="Daftar" loading empty={<p>Belum ada</p>} />)).not.toContain("Belum ada");
  });
});

describe("Checkbox", () => {
  it("is a 44 px tap target on phones: the native input covers the whole label, the drawn box follows it", () => {
    const html = render(<Checkbox label="Kirim WhatsApp" hint="Ke nomor pelanggan." defaultChecked />);
    const label = /<label[^>]*class="([^"]+)"/.exec(html)![1]!.split(" ");
    expect(label).toEqual(expect.arrayContaining(["relative", "min-h-11", "min-w-11", "pointer-coarse:min-h-11", "pointer-coarse:min-w-11"]));
    const input = /<input[^>]*class="([^"]+)"/.exec(html)![1]!.split(" ");
    expect(input).toEqual(expect.arrayContaining(["absolute", "inset-0", "h-full", "w-full", "peer"]));
    expect(html).toMatch(/aria-describedby="([^"]+)-hint"/);
    expect(html).toContain("Ke nomor pelanggan.");
  });
});

describe("Field", () => {
  it("ties label, hint and error to the control and marks it invalid", () => {
    const html = render(
      <Field label="Tanggal tagihan" hint="Tanggal 1–28 setiap bulan." error="Tanggal tagihan harus 1 sampai 28.">
        <Input name="billingDay" />
      </Field>,
    );
    const id = /<input id="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`for="${id}"`);
    expect(html).toContain(`aria-describedby="${id}-error ${id}-hint"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("border-red-500");
  });
});
