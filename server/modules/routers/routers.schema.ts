// Shapes of the routers module: a tenant's MikroTik routers, their connection test, health
// history and command log. No server imports: shared with the UI. Passwords and RADIUS secrets
// travel only inward (create, update, test); no output shape has them.
import { z } from "zod";
import { v } from "@/i18n/keys";

export const ROUTER_TRANSPORTS = ["api", "api_ssl", "rest"] as const;
export const ZRouterTransport = z.enum(ROUTER_TRANSPORTS);
export type TRouterTransport = z.infer<typeof ZRouterTransport>;

/** RouterOS's own defaults: api 8728, api-ssl 8729, www-ssl 443. */
export const DEFAULT_ROUTER_PORTS: Record<TRouterTransport, number> = { api: 8728, api_ssl: 8729, rest: 443 };

export const ROUTER_MODES = ["api", "radius", "both"] as const;
export const ZRouterMode = z.enum(ROUTER_MODES);
export type TRouterMode = z.infer<typeof ZRouterMode>;

export const ROUTER_STATUSES = ["unknown", "up", "down"] as const;
export const ZRouterStatus = z.enum(ROUTER_STATUSES);
export type TRouterStatus = z.infer<typeof ZRouterStatus>;

/** A DNS name or an IPv4/IPv6 address, without scheme, port or path. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]+$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** What a connection needs: shared by the saved router and the test of unsaved settings. */
export const ZRouterConnectionFields = z.object({
  host: z.string().trim().min(1).max(253).regex(HOST, v("routers.validation.host")),
  transport: ZRouterTransport,
  port: z.number().int().min(1).max(65535),
  username: z.string().trim().min(1).max(100),
  tlsVerify: z.boolean().default(false),
});

const ZRouterFields = ZRouterConnectionFields.extend({
  name: z.string().trim().min(1).max(80),
  mode: ZRouterMode.default("api"),
  location: optionalText(200),
  notes: optionalText(1000),
});

export const ZCreateRouterInput = ZRouterFields.extend({
  password: z.string().min(1).max(200),
  radiusSecret: optionalText(200),
});
export type TCreateRouterInput = z.output<typeof ZCreateRouterInput>;
export type TRouterFormInput = z.input<typeof ZCreateRouterInput>;

/** Empty password / RADIUS secret: keep the stored one. */
export const ZUpdateRouterInput = ZRouterFields.extend({
  id: z.uuid(),
  password: optionalText(200),
  radiusSecret: optionalText(200),
});
export type TUpdateRouterInput = z.output<typeof ZUpdateRouterInput>;

/** The add/edit form: one shape for both (no id: add, and the password is required then). */
export const ZRouterFormInput = ZUpdateRouterInput.extend({ id: z.uuid().optional() });

export const ZRouterTarget = z.object({ id: z.uuid() });

/** Test a saved router, or settings not saved yet (the add form's "Test connection"). */
export const ZTestConnectionInput = z.union([
  z.object({ id: z.uuid() }),
  ZRouterConnectionFields.extend({ password: z.string().min(1).max(200) }),
]);
export type TTestConnectionInput = z.output<typeof ZTestConnectionInput>;

export const ZRouter = z.object({
  id: z.uuid(),
  name: z.string(),
  host: z.string(),
  transport: ZRouterTransport,
  port: z.number().int(),
  username: z.string(),
  tlsVerify: z.boolean(),
  mode: ZRouterMode,
  location: z.string().nullable(),
  notes: z.string().nullable(),
  hasRadiusSecret: z.boolean(),
  status: ZRouterStatus,
  lastError: z.string().nullable(),
  lastPolledAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  identity: z.string().nullable(),
  version: z.string().nullable(),
  boardName: z.string().nullable(),
  uptimeSeconds: z.number().int().nullable(),
  cpuLoadPercent: z.number().int().nullable(),
  freeMemoryBytes: z.number().int().nullable(),
  totalMemoryBytes: z.number().int().nullable(),
  /** Differences the last drift reconcile left (null: never checked). */
  driftCount: z.number().int().nullable(),
  driftCheckedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TRouter = z.infer<typeof ZRouter>;
export const ZRouterList = z.array(ZRouter);

/** Which step failed, for the form to say exactly what to fix. */
export const CONNECTION_FAILURES = ["refused", "timeout", "closed", "dns", "tls", "network", "credentials", "policy", "command"] as const;
export const ZConnectionFailure = z.enum(CONNECTION_FAILURES);
export type TConnectionFailure = z.infer<typeof ZConnectionFailure>;

export const ZConnectionTestResult = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    identity: z.string(),
    version: z.string(),
    boardName: z.string().nullable(),
    uptimeSeconds: z.number().int(),
    elapsedMs: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(["ROUTER_UNREACHABLE", "ROUTER_AUTH_FAILED", "ROUTER_COMMAND_FAILED"]),
    failure: ZConnectionFailure,
    /** The router's own words when it refused a command. */
    routerMessage: z.string().nullable(),
    elapsedMs: z.number().int(),
  }),
]);
export type TConnectionTestResult = z.infer<typeof ZConnectionTestResult>;

export const ZHealthSample = z.object({
  at: z.iso.datetime(),
  ok: z.boolean(),
  error: z.string().nullable(),
  cpuLoadPercent: z.number().int().nullable(),
  freeMemoryBytes: z.number().int().nullable(),
  totalMemoryBytes: z.number().int().nullable(),
  uptimeSeconds: z.number().int().nullable(),
});
export type THealthSample = z.infer<typeof ZHealthSample>;

export const ZCommandLogEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorType: z.enum(["user", "platform_admin", "system"]),
  actorLabel: z.string(),
  menu: z.string(),
  action: z.string(),
  itemId: z.string().nullable(),
  params: z.record(z.string(), z.string()),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type TCommandLogEntry = z.infer<typeof ZCommandLogEntry>;

export const ZRouterDetail = z.object({
  router: ZRouter,
  health: z.array(ZHealthSample),
  commands: z.array(ZCommandLogEntry),
});
export type TRouterDetail = z.infer<typeof ZRouterDetail>;

export const ZRouterSummary = z.object({ total: z.number().int(), up: z.number().int(), down: z.number().int(), unknown: z.number().int() });
export type TRouterSummary = z.infer<typeof ZRouterSummary>;

const ZProfileChange = z.object({ packageId: z.uuid(), name: z.string(), rateLimit: z.string() });
const ZProfilePlan = z.object({
  add: z.array(ZProfileChange),
  set: z.array(ZProfileChange.extend({ id: z.string(), from: z.string().nullable() })),
  unchanged: z.number().int(),
  conflicts: z.array(z.object({ packageId: z.uuid(), name: z.string() })),
});
export const ZProfileSyncInput = z.object({ routerId: z.uuid(), dryRun: z.boolean().default(true) });
export const ZProfileSyncResult = z.object({ dryRun: z.boolean(), pppoe: ZProfilePlan, hotspot: ZProfilePlan, commands: z.number().int() });
export type TProfileSyncResult = z.infer<typeof ZProfileSyncResult>;
