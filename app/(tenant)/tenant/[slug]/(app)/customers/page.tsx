// The customer register: search, page, add, import and export subscribers.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddCustomerButton, CustomerList } from "@/components/customers/CustomerList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

export default async function CustomersPage() {
  await requirePageCapability("customers.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("customers")]);
  const canManage = me!.capabilities.includes("customers.manage");
  const canExport = me!.capabilities.includes("customers.export");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} actions={canManage ? <AddCustomerButton /> : undefined} />
      <CustomerList canManage={canManage} canExport={canExport} />
    </div>
  );
}
