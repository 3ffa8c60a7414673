// The public landing page on the root domain: what RRNET is and who it is for.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Wordmark } from "@/components/ui/Wordmark";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

const FEATURES = ["billing", "network", "vouchers", "ftth", "whatsapp", "collectors", "technicians", "hr", "portal"] as const;
const AUDIENCE = ["neighbourhood", "smallIsp", "onePlace"] as const;

export default async function LandingPage() {
  // The host this page was served on is the root domain; ISP addresses hang under it.
  const [requestHeaders, t] = await Promise.all([headers(), getTranslations("site")]);
  const rootHost = (requestHeaders.get("host") ?? "rrnet.id").replace(/^www\./, "");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Wordmark className="text-xl" />
          <nav className="flex gap-4 text-sm text-slate-600">
            <a href="#features" className="inline-flex min-h-11 min-w-11 items-center justify-center px-1 hover:text-brand-600">
              {t("nav.features")}
            </a>
            <a href="#addresses" className="inline-flex min-h-11 min-w-11 items-center justify-center px-1 hover:text-brand-600">
              {t("nav.address")}
            </a>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="bg-linear-to-b from-brand-50 to-slate-50">
          <div className="mx-auto max-w-5xl px-4 py-14 sm:py-20">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{t("hero.eyebrow")}</p>
            <h1 className="mt-2 max-w-3xl text-3xl font-extrabold tracking-tight text-slate-900 sm:text-5xl">{t("hero.title")}</h1>
            <p className="mt-4 max-w-2xl text-base leading-relaxed text-slate-600 sm:text-lg">{t("hero.body")}</p>
          </div>
        </section>

        <section id="features" className="mx-auto max-w-5xl scroll-mt-4 px-4 py-12">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">{t("features.title")}</h2>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((feature) => (
              <li key={feature} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <h3 className="font-semibold text-slate-900">{t(`features.${feature}.title`)}</h3>
                <p className="mt-1.5 text-sm leading-relaxed text-slate-600">{t(`features.${feature}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section className="border-y border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-12">
            <h2 className="text-2xl font-bold tracking-tight text-slate-900">{t("audience.title")}</h2>
            <ul className="mt-4 space-y-3">
              {AUDIENCE.map((line) => (
                <li key={line} className="flex gap-3 text-slate-700">
                  <span aria-hidden className="mt-2 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
                  <span>{t(`audience.${line}`)}</span>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section id="addresses" className="mx-auto max-w-5xl scroll-mt-4 px-4 py-12">
          <h2 className="text-2xl font-bold tracking-tight text-slate-900">{t("addresses.title")}</h2>
          <p className="mt-3 max-w-2xl leading-relaxed text-slate-600">{t("addresses.body")}</p>
          <dl className="mt-6 grid gap-4 sm:grid-cols-2">
            <div className="rounded-xl border border-slate-200 bg-white p-5">
              <dt className="text-sm font-medium text-slate-500">{t("addresses.subdomain")}</dt>
              <dd className="mt-1 break-all font-mono text-base text-slate-900">
                <span className="text-brand-600">{t("addresses.exampleSlug")}</span>.{rootHost}
              </dd>
            </div>
            <div className="rounded-xl border border-slate-200 bg-white p-5">
              <dt className="text-sm font-medium text-slate-500">{t("addresses.ownDomain")}</dt>
              <dd className="mt-1 break-all font-mono text-base text-slate-900">{t("addresses.exampleDomain")}</dd>
            </div>
          </dl>
        </section>
      </main>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between">
          <Wordmark className="text-base" />
          <p>{t("footer")}</p>
        </div>
      </footer>
    </div>
  );
}
