// Words reach users only through the catalogues. Walks app/ and components/ with the TypeScript
// parser and refuses, outside tests/i18n-allowlist.ts: text between JSX tags, string literals in
// visible attributes (placeholder, title, aria-label, label, …) or as JSX children, and literal
// page titles in `metadata`. Walks server/ and refuses an AppError message or a VALIDATION_FAILED
// field message that is not a catalogue key. Unconverted files may not import the legacy form
// classes either. A listed file that has nothing left to convert fails too: the list only shrinks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { NEVER_TRANSLATED, UNCONVERTED_UI } from "./i18n-allowlist";

const ROOT = path.resolve(import.meta.dirname, "..");
const LETTER = /\p{L}/u;
/** Attributes people read or hear. Others (className, href, data-*, type, …) are code. */
const VISIBLE_ATTRIBUTES = new Set([
  "placeholder", "title", "alt", "aria-label", "aria-description", "aria-valuetext", "label", "description", "hint", "confirmLabel",
  "allLabel", "caption", "backLabel", "heading", "message", "text", "emptyLabel", "labelSuffix",
]);

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (name === "node_modules" || name === "__tests__" || name === "generated") return [];
    return statSync(path.join(ROOT, rel)).isDirectory() ? walk(rel, ext) : ext.test(name) ? [rel] : [];
  });
}

function parseFile(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
const textOf = (node: ts.Node) => (isText(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text + node.templateSpans.map((s) => s.literal.text).join("") : "");

/** "Paid in full", "Could not load." — a sentence or label, not an identifier or class list. */
const SENTENCE = /^\p{Lu}[\p{L}'’-]*[,:]?\s+\S/u;
/** Keys whose values are words people read: `{ label: "Active" }`. */
const WORD_KEYS = new Set(["label", "title", "description", "text", "message", "hint", "heading", "body", "allLabel", "confirmLabel"]);
/** Calls whose strings are for developers, not users. */
const DEVELOPER_CALLS = /^(console\.\w+|logger\(\)\.\w+|log\.\w+|new Error|Error|cx|buttonClass|controlClass)$/;

function insideDeveloperCall(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && DEVELOPER_CALLS.test(ts.isNewExpression(p) ? `new ${p.expression.getText()}` : p.expression.getText())) return true;
    if (ts.isJsxAttribute(p)) return !VISIBLE_ATTRIBUTES.has(p.name.getText());
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isTypeNode(p)) return true;
  }
  return false;
}

/** User-visible literals in a page or component, as "line: text". */
function uiLiterals(file: string): string[] {
  const source = parseFile(file);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim().slice(0, 60)}`);
  const visit = (node: ts.Node) => {
    // CSS in <style> is not words.
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText() === "style") return;
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    // Label tables and sentences in code: { label: "Active" }, const X_LABELS = {...}, "Could not load it."
    if (isText(node) && LETTER.test(node.text) && !insideDeveloperCall(node)) {
      const parent = node.parent;
      const keyed = ts.isPropertyAssignment(parent) && parent.initializer === node && WORD_KEYS.has(parent.name.getText());
      let table = false;
      for (let p: ts.Node | undefined = parent; p && !ts.isSourceFile(p); p = p.parent) if (ts.isVariableDeclaration(p) && /LABEL|MESSAGE|TEXT/.test(p.name.getText())) table = true;
      const keyLike = /^[a-z][\w.]*$/.test(node.text);
      if ((keyed && !keyLike) || (table && /^\p{Lu}/u.test(node.text)) || SENTENCE.test(node.text)) report(node, node.text);
    }
    if (ts.isJsxAttribute(node) && node.initializer && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value && !isText(value) && LETTER.test(textOf(value))) report(node, textOf(value));
      if (value && isText(value) && LETTER.test(value.text) && !SENTENCE.test(value.text)) report(node, value.text);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && ts.isTemplateExpression(node.expression) && LETTER.test(textOf(node.expression))) report(node, textOf(node.expression));
    // export const metadata = { title: "…", description: "…" }
    if (ts.isVariableDeclaration(node) && node.name.getText() === "metadata" && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      for (const prop of node.initializer.properties) {
        if (ts.isPropertyAssignment(prop) && ["title", "description"].includes(prop.name.getText()) && ts.isTemplateExpression(prop.initializer)) report(prop, textOf(prop.initializer));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function hasKey(key: string): boolean {
  let node: unknown = MESSAGES.id;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

function hasPrefix(prefix: string): boolean {
  const parts = prefix.replace(/\.$/, "").split(".");
  let node: unknown = MESSAGES.id;
  for (const part of parts) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "object";
}

/** AppError messages and VALIDATION_FAILED field messages that are no catalogue key. */
function serverSentences(file: string): string[] {
  const source = parseFile(file);
  const found: string[] = [];
  const check = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (isText(node)) {
      if (!hasKey(node.text)) found.push(`${line}: ${node.text.slice(0, 60)}`);
    } else if (ts.isTemplateExpression(node)) {
      if (!hasPrefix(node.head.text)) found.push(`${line}: \`${node.head.text.slice(0, 60)}…\``);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText() === "AppError" && node.arguments && node.arguments.length >= 3) check(node.arguments[2]!);
    // { fields: { name: ["…"] } }
    if (ts.isPropertyAssignment(node) && node.name.getText() === "fields" && ts.isObjectLiteralExpression(node.initializer)) {
      for (const prop of node.initializer.properties) {
        if (ts.isPropertyAssignment(prop) && ts.isArrayLiteralExpression(prop.initializer)) prop.initializer.elements.forEach(check);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// Route handlers under app/api answer JSON (their errors are translated server-side).
const uiFiles = [...walk("app", /\.tsx?$/), ...walk("components", /\.tsx?$/)].filter((f) => !f.startsWith("app/api/")).sort();
const serverFiles = walk("server", /\.ts$/).filter((f) => !f.startsWith("server/testing/")).sort();
const allowedUi = new Set([...NEVER_TRANSLATED, ...UNCONVERTED_UI]);

describe("user-visible words come from the catalogues", () => {
  it("pages and components outside the allowlist have no literal words", () => {
    const offenders = uiFiles.filter((f) => !allowedUi.has(f)).flatMap((f) => uiLiterals(f).map((l) => `${f}:${l}`));
    expect(offenders).toEqual([]);
  });

  it("every allowlisted file exists and still has words to convert (remove it from the list once done)", () => {
    const stale = [...allowedUi].filter((f) => !uiFiles.includes(f) || uiLiterals(f).length === 0);
    expect(stale).toEqual([]);
  });

  it("the legacy form classes are used only by files not converted yet", () => {
    const users = uiFiles.filter((f) => /components\/account\/fields/.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(users.filter((f) => !UNCONVERTED_UI.includes(f))).toEqual([]);
  });

  it("server error messages and field messages are catalogue keys", () => {
    const offenders = serverFiles.flatMap((f) => serverSentences(f).map((l) => `${f}:${l}`));
    expect(offenders).toEqual([]);
  });
});
