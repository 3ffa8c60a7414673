// Every audited action reads as words in both languages: a label (the filter, the badge) and a
// sentence naming who did it. A new code in audit.actions.ts without its words fails here.
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { AUDIT_ACTIONS } from "@/server/modules/audit/audit.actions";

const lookup = (tree: unknown, path: string): unknown => path.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);

describe("audit catalogue", () => {
  for (const locale of ["id", "en"] as const) {
    it(`has a label and a sentence for every action (${locale})`, () => {
      const missing = Object.keys(AUDIT_ACTIONS).flatMap((code) =>
        (["actions", "sentences"] as const).filter((part) => typeof lookup(MESSAGES[locale].audit, `${part}.${code}`) !== "string").map((part) => `${part}.${code}`),
      );
      expect(missing).toEqual([]);
    });
  }

  it("sentences name the actor (except what the system does on its own)", () => {
    const withoutActor = Object.keys(AUDIT_ACTIONS).filter((code) => !String(lookup(MESSAGES.id.audit, `sentences.${code}`)).includes("{actor}"));
    expect(withoutActor).toEqual(["saas.standing_changed"]);
  });
});
