// Shapes of subscribers' network side: their PPPoE/hotspot accounts, live sessions, drift
// reports, the tenant's isolation settings, import from a router and the onboarding script.
// No server imports: shared with the UI. A password appears only in ZNetworkAccount.password,
// which the service fills for roles with network.manage.
import { z } from "zod";

export const ACCESSES = ["allowed", "isolated", "suspended", "removed"] as const;
export const ZAccess = z.enum(ACCESSES);
export type TAccess = z.infer<typeof ZAccess>;

export const ISOLATION_PROBLEMS = ["entry_missing", "wrong_profile", "not_disabled", "static_address", "session_kept", "name_taken", "router_unreachable"] as const;

export const ZSession = z.object({
  id: z.string(),
  routerId: z.uuid(),
  kind: z.enum(["pppoe", "hotspot"]),
  username: z.string(),
  address: z.string().nullable(),
  callerId: z.string().nullable(),
  uptimeSeconds: z.number().int().nullable(),
  bytesIn: z.number().nullable(),
  bytesOut: z.number().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZNetworkAccount = z.object({
  id: z.uuid(),
  subscriptionId: z.uuid(),
  kind: z.enum(["pppoe", "hotspot"]),
  username: z.string(),
  /** Only for network.manage; null otherwise. */
  password: z.string().nullable(),
  routerId: z.uuid().nullable(),
  routerName: z.string().nullable(),
  packageName: z.string().nullable(),
  wantedAccess: ZAccess.nullable(),
  wantedProfile: z.string().nullable(),
  status: z.enum(["pending", "applied", "failed"]),
  lastError: z.string().nullable(),
  isolationProblem: z.string().nullable(),
  appliedAccess: z.string().nullable(),
  appliedProfile: z.string().nullable(),
  appliedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type TNetworkAccount = z.infer<typeof ZNetworkAccount>;

export const ZCustomerNetwork = z.object({
  customerId: z.uuid(),
  customerStatus: z.string(),
  billingWants: z.enum(["allowed", "isolated"]).nullable(),
  billingReason: z.string().nullable(),
  accounts: z.array(ZNetworkAccount),
  /** Live sessions (null when the router could not be asked; routerError says why). */
  sessions: z.array(ZSession).nullable(),
  routerError: z.string().nullable(),
  /** Bytes from RADIUS accounting: per day of the last 30 (tenant's calendar, newest first, days with traffic) and this month. */
  usage: z.object({
    days: z.array(z.object({ day: z.iso.date(), downloadBytes: z.number().int().nonnegative(), uploadBytes: z.number().int().nonnegative() })),
    month: z.iso.date(),
    monthDownloadBytes: z.number().int().nonnegative(),
    monthUploadBytes: z.number().int().nonnegative(),
  }),
});
export type TCustomerNetwork = z.infer<typeof ZCustomerNetwork>;

export const ZCustomerTarget = z.object({ customerId: z.uuid() });
export const ZAccountTarget = z.object({ customerId: z.uuid(), accountId: z.uuid() });
/** No password: generate one. RouterOS secrets: printable ASCII, no spaces. */
export const ZChangePasswordInput = ZAccountTarget.extend({ password: z.string().regex(/^[\x21-\x7e]{6,64}$/).nullable().default(null) });
export const ZPlaceAccountInput = ZAccountTarget.extend({ routerId: z.uuid() });
export const ZKickInput = z.object({ routerId: z.uuid(), kind: z.enum(["pppoe", "hotspot"]), sessionId: z.string().regex(/^\*[0-9A-Fa-f]+$/) });

export const DRIFT_KINDS = ["missing", "extra", "wrong_profile", "wrong_password", "wrong_disabled"] as const;
export const ZDriftItem = z.object({
  key: z.string(),
  kind: z.enum(["pppoe", "hotspot"]),
  username: z.string(),
  kinds: z.array(z.enum(DRIFT_KINDS)),
  accountId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  expectedProfile: z.string().nullable(),
  actualProfile: z.string().nullable(),
});
export type TDriftItem = z.infer<typeof ZDriftItem>;

export const ZDriftReport = z.object({
  routerId: z.uuid(),
  checkedAt: z.iso.datetime(),
  items: z.array(ZDriftItem),
  unmanaged: z.array(z.object({ kind: z.enum(["pppoe", "hotspot"]), username: z.string() })),
  managed: z.number().int(),
  fixed: z.array(z.string()),
  commands: z.number().int(),
  elapsedMs: z.number().int(),
});
export type TDriftReport = z.infer<typeof ZDriftReport>;

export const ZDriftInput = z.object({ routerId: z.uuid(), fix: z.union([z.enum(["none", "all"]), z.array(z.string().max(200)).min(1).max(10_000)]).default("none") });

export const ZRouterSessions = z.object({ routerId: z.uuid(), sessions: z.array(ZSession) });

/** RouterOS names: what the terminal accepts without quoting. */
const ROS_NAME = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/);
/** `rx/tx` with optional k/M/G units, optional burst parts (RouterOS's rate-limit syntax). */
export const ZRateLimit = z.string().trim().regex(/^\d+[kKMG]?\/\d+[kKMG]?( \d+[kKMG]?\/\d+[kKMG]?){0,3}( \d+)?$/);

export const ZIsolationSettings = z.object({
  isolationMode: z.enum(["isolate", "suspend"]),
  isolationProfile: ROS_NAME,
  isolationAddressList: ROS_NAME,
  isolationRateLimit: ZRateLimit,
  /** The walled garden's redirect (the isolated customer's pay page); null: the ISP's own RRNET host. */
  isolationRedirectUrl: z.url({ protocol: /^https?$/ }).max(300).nullable(),
});
export type TIsolationSettings = z.infer<typeof ZIsolationSettings>;
/** The settings as read, with the redirect target used while isolationRedirectUrl is null. */
export const ZNetworkSettings = ZIsolationSettings.extend({ defaultRedirectUrl: z.string() });
export type TNetworkSettings = z.infer<typeof ZNetworkSettings>;

export const ZNetworkOverview = z.object({
  isolated: z.number().int(),
  isolatedOnWire: z.number().int(),
  problems: z.number().int(),
  problemAccounts: z.array(ZNetworkAccount.extend({ customerId: z.uuid() })),
});
export type TNetworkOverview = z.infer<typeof ZNetworkOverview>;

// ---- import ------------------------------------------------------------------------------

export const ZImportPreviewInput = z.object({ routerId: z.uuid() });
export const ZImportProfile = z.object({
  kind: z.enum(["pppoe", "hotspot"]),
  profile: z.string(),
  rateLimit: z.string().nullable(),
  entries: z.number().int(),
  /** A package whose profile this is, or whose speeds match. */
  packageId: z.uuid().nullable(),
  packageName: z.string().nullable(),
  /** Speeds read from the rate limit, for a package to be made. */
  speedDownKbps: z.number().int().nullable(),
  speedUpKbps: z.number().int().nullable(),
});
export const ZImportPreview = z.object({
  routerId: z.uuid(),
  profiles: z.array(ZImportProfile),
  entries: z.array(z.object({ kind: z.enum(["pppoe", "hotspot"]), username: z.string(), profile: z.string(), disabled: z.boolean(), comment: z.string().nullable(), alreadyImported: z.boolean() })),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportInput = z.object({
  routerId: z.uuid(),
  /** Per router profile: an existing package, or a new one at this price. */
  mappings: z
    .array(
      z.object({
        kind: z.enum(["pppoe", "hotspot"]),
        profile: z.string().max(100),
        packageId: z.uuid().nullable(),
        newPackagePriceIdr: z.number().int().min(0).max(100_000_000).nullable(),
      }),
    )
    .max(500),
  startDate: z.iso.date(),
});
export type TImportInput = z.infer<typeof ZImportInput>;
export const ZImportResult = z.object({
  customers: z.number().int(),
  subscriptions: z.number().int(),
  packages: z.number().int(),
  skipped: z.number().int(),
  /** Router entries marked RRNET's by this run (including ones an earlier run could not reach). */
  adopted: z.number().int(),
  /** Saved in RRNET but not yet marked on the router (it could not be reached): import again. */
  adoptPending: z.number().int(),
  routerError: z.string().nullable(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZOnboardingScript = z.object({ filename: z.string(), script: z.string() });
