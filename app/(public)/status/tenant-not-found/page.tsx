// Where the proxy sends hosts that belong to no ISP. Answers 404: the message itself is the
// sibling not-found.tsx.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("status.tenantNotFound");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default function TenantNotFoundPage(): never {
  notFound();
}
