// The public landing page on the root domain: what RRNET is and who it is for.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { Wordmark } from "@/components/ui/Wordmark";

export const metadata: Metadata = {
  title: "Back office for RT/RW Net ISPs",
  description:
    "RRNET runs the back office of RT/RW Net internet service providers: billing, PPPoE and hotspot on MikroTik, vouchers, FTTH maps, WhatsApp notices, field staff and a client portal.",
};

const FEATURES: Array<{ title: string; body: string }> = [
  {
    title: "Billing",
    body: "Monthly invoices per subscriber in rupiah, payment recording, overdue tracking and automatic isolation of unpaid accounts.",
  },
  {
    title: "PPPoE & hotspot on MikroTik",
    body: "Create, change and disable subscriber secrets and hotspot users through the RouterOS API, or authenticate them over RADIUS.",
  },
  {
    title: "Vouchers",
    body: "Generate and print hotspot vouchers in batches, with profiles for duration, quota and speed, and track which were sold.",
  },
  {
    title: "FTTH maps",
    body: "Map your fibre plant — OLT, ODC and ODP — and see which subscriber hangs on which port.",
  },
  {
    title: "WhatsApp notices",
    body: "Send invoices, payment receipts, due-date reminders and outage notices to subscribers on WhatsApp.",
  },
  {
    title: "Collectors",
    body: "Door-to-door collectors see their route and record cash payments; the office sees what was collected and what was handed in.",
  },
  {
    title: "Technicians",
    body: "Installation and repair tickets assigned to technicians, with the customer's location and equipment at hand.",
  },
  {
    title: "HR",
    body: "Staff records, roles and access for owners, admins, finance, HR, technicians and collectors.",
  },
  {
    title: "Client portal",
    body: "Subscribers check their bills, payment history and package on your portal, under your name.",
  },
];

const AUDIENCE = [
  "RT/RW Net operators sharing a connection across a neighbourhood, village or housing estate.",
  "Small ISPs with a handful of MikroTik routers and a growing FTTH network.",
  "Owners who want billing, network and field work in one place instead of spreadsheets and chat groups.",
];

export default async function LandingPage() {
  // The host this page was served on is the root domain; ISP addresses hang under it.
  const rawHost = (await headers()).get("host") ?? "rrnet.id";
  const rootHost = rawHost.replace(/^www\./, "");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Wordmark className="text-xl" />
          <nav className="flex gap-4 text-sm text-slate-600">
            <a href="#features" className="hover:text-brand-600">
              Features
            </a>
            <a href="#addresses" className="hover:text-brand-600">
              Your address
            </a>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="bg-linear-to-b from-brand-50 to-slate-50">
          <div className="mx-auto max-w-5xl px-4 py-14 sm:py-20">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">For RT/RW Net ISPs</p>
            <h1 className="mt-2 max-w-3xl text-3xl font-extrabold tracking-tight text-slate-900 sm:text-5xl">
              The back office of your internet business, in one place.
            </h1>
            <p className="mt-4 max-w-2xl text-base leading-relaxed text-slate-600 sm:text-lg">
              RRNET handles the work around your network: billing subscribers, turning PPPoE and hotspot accounts on
              and off on your MikroTik routers, selling vouchers, mapping fibre, notifying customers on WhatsApp and
              organising the people who collect payments and fix connections.
            </p>
          </div>
        </section>

        <section id="features" className="mx-auto max-w-5xl scroll-mt-4 px-4 py-12">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">What it does</h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((feature) => (
              <li key={feature.title} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <h3 className="font-semibold text-slate-900">{feature.title}</h3>
                <p className="mt-1.5 text-sm leading-relaxed text-slate-600">{feature.body}</p>
              </li>
            ))}
          </ul>
        </section>

        <section className="border-y border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-12">
            <h2 className="text-2xl font-bold tracking-tight text-slate-900">Who it is for</h2>
            <ul className="mt-4 space-y-3">
              {AUDIENCE.map((line) => (
                <li key={line} className="flex gap-3 text-slate-700">
                  <span aria-hidden className="mt-2 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
                  <span>{line}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section id="addresses" className="mx-auto max-w-5xl scroll-mt-4 px-4 py-12">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">Each ISP gets its own address</h2>
          <p className="mt-3 max-w-2xl leading-relaxed text-slate-600">
            Every ISP on RRNET has its own space, separate from every other ISP&apos;s data. Your staff and subscribers
            reach it at a sub-domain of RRNET, or at your own domain name once you point it to us.
          </p>
          <dl className="mt-6 grid gap-4 sm:grid-cols-2">
            <div className="rounded-xl border border-slate-200 bg-white p-5">
              <dt className="text-sm font-medium text-slate-500">RRNET sub-domain</dt>
              <dd className="mt-1 break-all font-mono text-base text-slate-900">
                <span className="text-brand-600">yourisp</span>.{rootHost}
              </dd>
            </div>
            <div className="rounded-xl border border-slate-200 bg-white p-5">
              <dt className="text-sm font-medium text-slate-500">Your own domain</dt>
              <dd className="mt-1 break-all font-mono text-base text-slate-900">
                billing.<span className="text-brand-600">yourisp.net.id</span>
              </dd>
            </div>
          </dl>
        </section>
      </main>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between">
          <Wordmark className="text-base" />
          <p>Back office for RT/RW Net internet service providers in Indonesia.</p>
        </div>
      </footer>
    </div>
  );
}
