// Where the proxy sends hosts that belong to no ISP. Answers 404: the message itself is the
// sibling not-found.tsx.
import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Unknown address", robots: { index: false } };

export default function TenantNotFoundPage(): never {
  notFound();
}
