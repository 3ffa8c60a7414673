// The wording of WhatsApp messages: each kind's built-in text per language, the ISP's own text
// where it wrote one, and the approved Cloud API template each kind goes out as. Saving checks
// variables (an unknown one is VALIDATION_FAILED on the field, never a blank in a customer's
// message); the preview fills a text with sample data.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { LOCALES, type Locale } from "@/i18n/locales";
import {
  checkCloudParameters,
  checkTemplate,
  defaultCloudMapping,
  defaultTemplate,
  KIND_VARIABLES,
  MESSAGE_KINDS,
  renderTemplate,
  SAMPLE_VARIABLES,
  type CloudMapping,
  type MessageKind,
  type TemplateProblem,
} from "./message-templates";
import { deleteCloudMapping, deleteTemplate, findCloudMappings, findTemplates, upsertCloudMapping, upsertTemplate } from "./notifications.repository";
import type { TCloudMappingInput, TTemplateBodyInput, TTemplateView } from "./notifications.schema";

/** What dispatch renders with: the ISP's own wording where it has one, else the built-in. */
export type Wording = { body(kind: MessageKind, locale: Locale): string; cloud(kind: MessageKind): CloudMapping };

export async function loadWording(db: TenantScope): Promise<Wording> {
  const [templates, mappings] = await Promise.all([findTemplates(db), findCloudMappings(db)]);
  const bodies = new Map(templates.map((t) => [`${t.kind}:${t.locale}`, t.body]));
  const clouds = new Map(mappings.map((m) => [m.kind, { name: m.name, parameters: m.parameters }]));
  return {
    body: (kind, locale) => bodies.get(`${kind}:${locale}`) ?? defaultTemplate(kind, locale),
    cloud: (kind) => clouds.get(kind) ?? defaultCloudMapping(kind),
  };
}

export async function listTemplates(db: TenantDb): Promise<TTemplateView[]> {
  const [templates, mappings] = await Promise.all([findTemplates(db), findCloudMappings(db)]);
  return MESSAGE_KINDS.map((kind) => {
    const bodies = Object.fromEntries(
      LOCALES.map((locale) => {
        const own = templates.find((t) => t.kind === kind && t.locale === locale);
        const builtIn = defaultTemplate(kind, locale);
        return [locale, { body: own?.body ?? builtIn, custom: Boolean(own), builtIn }];
      }),
    ) as TTemplateView["bodies"];
    const mapping = mappings.find((m) => m.kind === kind);
    const cloud = mapping ? { name: mapping.name, parameters: mapping.parameters, custom: true } : { ...defaultCloudMapping(kind), parameters: [...KIND_VARIABLES[kind]], custom: false };
    return { kind, variables: [...KIND_VARIABLES[kind]], bodies, cloud };
  });
}

const PROBLEM_KEYS: Record<TemplateProblem["code"], string> = {
  UNKNOWN_VARIABLE: "notifications.validation.unknownVariable",
  STRAY_BRACE: "notifications.validation.strayBrace",
  EMPTY: "notifications.validation.empty",
};

function refuse(field: string, problems: TemplateProblem[], kind: MessageKind): never {
  const first = problems[0]!;
  throw new AppError("VALIDATION_FAILED", {
    fields: { [field]: [PROBLEM_KEYS[first.code]] },
    kind,
    name: first.code === "UNKNOWN_VARIABLE" ? first.name : "",
    problems,
    allowed: KIND_VARIABLES[kind],
  });
}

export async function saveTemplate(db: TenantDb, actor: UserActor, input: TTemplateBodyInput): Promise<TTemplateView> {
  const problems = checkTemplate(input.kind, input.body);
  if (problems.length) refuse("body", problems, input.kind);
  await upsertTemplate(db, input.kind, input.locale, input.body);
  await recordAudit(db, actor, { action: "whatsapp.template_saved", details: { kind: input.kind, locale: input.locale } });
  return (await listTemplates(db)).find((t) => t.kind === input.kind)!;
}

/** Back to the built-in wording. */
export async function resetTemplate(db: TenantDb, actor: UserActor, input: { kind: MessageKind; locale: Locale }): Promise<TTemplateView> {
  await deleteTemplate(db, input.kind, input.locale);
  await recordAudit(db, actor, { action: "whatsapp.template_reset", details: { kind: input.kind, locale: input.locale } });
  return (await listTemplates(db)).find((t) => t.kind === input.kind)!;
}

export async function saveCloudMapping(db: TenantDb, actor: UserActor, input: TCloudMappingInput): Promise<TTemplateView> {
  const problems = checkCloudParameters(input.kind, input.parameters);
  if (problems.length) refuse("parameters", problems, input.kind);
  const fallback = defaultCloudMapping(input.kind);
  if (input.name === fallback.name && input.parameters.join() === fallback.parameters.join()) await deleteCloudMapping(db, input.kind);
  else await upsertCloudMapping(db, input.kind, input.name, input.parameters);
  await recordAudit(db, actor, { action: "whatsapp.cloud_template_saved", details: { kind: input.kind, name: input.name, parameters: input.parameters } });
  return (await listTemplates(db)).find((t) => t.kind === input.kind)!;
}

/** A text filled with sample data, and the Cloud API parameters it would carry. */
export async function previewTemplate(db: TenantDb, input: { kind: MessageKind; locale: Locale; body: string }): Promise<{ text: string; cloudParameters: string[] }> {
  const problems = checkTemplate(input.kind, input.body);
  if (problems.length) refuse("body", problems, input.kind);
  const tenant = await db.tenant.findFirstOrThrow({ select: { name: true } });
  const variables: Record<string, string> = { ...SAMPLE_VARIABLES[input.locale], ispName: tenant.name };
  const mapping = (await loadWording(db)).cloud(input.kind);
  return { text: renderTemplate(input.body, variables), cloudParameters: mapping.parameters.map((name) => variables[name] ?? "") };
}
