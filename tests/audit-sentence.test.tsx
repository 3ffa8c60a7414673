// An audit entry reads as a sentence naming who acted: a staff member by their name ("Hendra
// Gunawan mengganti peran seorang staf."), in either language, from the row audit.list returns.
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { useAuditText } from "@/components/audit/audit-text";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { forTenant } from "@/server/db";
import { tenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

function Sentence({ code, actor }: { code: string; actor: string }) {
  return <p>{useAuditText().sentence(code, actor)}</p>;
}

const sentence = (locale: Locale, code: string, actor: string) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Jakarta">
      <Sentence code={code} actor={actor} />
    </NextIntlClientProvider>,
  );

afterAll(closeConnections);

describe("audit sentences", () => {
  it("name the staff member who acted by their name, in Indonesian and English", async () => {
    const { tenant } = await createTenantWithUser("audit-sentence");
    const hendra = await forTenant(tenant.id).user.create({ data: { tenantId: tenant.id, email: `hendra@${tenant.slug}.test`, name: "Hendra Gunawan", role: "owner", passwordHash: "x" } });
    const { user: target } = await userWithRole(tenant, "technician");
    const { caller } = await tenantCaller(tenant, hendra.id);
    await caller.staff.changeRole({ userId: target.id, role: "finance" });
    const [row] = (await caller.audit.list({ action: "staff.role_changed" })).items;
    expect(row?.actorLabel).toBe("Hendra Gunawan");
    expect(sentence("id", row!.action, row!.actorLabel!)).toBe("<p>Hendra Gunawan mengganti peran seorang staf.</p>");
    expect(sentence("en", row!.action, row!.actorLabel!)).toBe("<p>Hendra Gunawan changed a staff member&#x27;s role.</p>");
  });
});
