// The two catalogues stay one: every file of messages/<locale>/ is registered (i18n/messages.ts),
// both languages have the same keys, every message parses as ICU, and a message takes the same
// arguments (and argument kinds: plural, select, number) in both languages.
import { readdirSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[full, value] as [string, string]] : leaves(value, full);
  });
}

/** "count:plural", "name:argument", ... of a message, sorted. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(`${el.value}:argument`);
    if (el.type === TYPE.number) into.add(`${el.value}:number`);
    if (el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:date`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, new Map(leaves(MESSAGES[l] as unknown as Tree))]));
const reference = catalogues.id!;

describe("message catalogues", () => {
  it("every file in messages/<locale>/ is registered, in both languages", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(import.meta.dirname, "..", "messages", locale))
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files, locale).toEqual(Object.keys(MESSAGES[locale]).sort());
    }
  });

  for (const locale of LOCALES.filter((l) => l !== "id")) {
    it(`${locale} has exactly the keys of id`, () => {
      const missing = [...reference.keys()].filter((k) => !catalogues[locale]!.has(k));
      const extra = [...catalogues[locale]!.keys()].filter((k) => !reference.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} messages take the same ICU arguments as id`, () => {
      const different: string[] = [];
      for (const [key, message] of reference) {
        const other = catalogues[locale]!.get(key);
        if (other === undefined) continue;
        const a = [...argumentsOf(parse(message))].sort().join(",");
        const b = [...argumentsOf(parse(other))].sort().join(",");
        if (a !== b) different.push(`${key}: id {${a}} vs ${locale} {${b}}`);
      }
      expect(different).toEqual([]);
    });
  }

  it("every message is valid ICU and none is empty", () => {
    const broken: string[] = [];
    for (const locale of LOCALES) {
      for (const [key, message] of catalogues[locale]!) {
        if (!message.trim()) broken.push(`${locale} ${key}: empty`);
        try {
          parse(message);
        } catch (error) {
          broken.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
