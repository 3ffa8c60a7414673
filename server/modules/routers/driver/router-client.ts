// The one router interface the rest of RRNET uses: typed menus (PPP secrets and profiles,
// hotspot users and profiles, active sessions, address lists, identity, resources) over either
// transport. Replies are validated here (zod) before anything believes them. Every
// state-changing command is reported to `onCommand` (passwords redacted), which the routers
// service writes to the command log; `commandCount` counts reads too (the benchmark's figure).
import "server-only";
import { z } from "zod";
import { commandFailed, type RouterRow, type RouterTransport } from "./router-transport";

type FieldKind = "string" | "boolean";
type Fields = Record<string, readonly [routerName: string, kind: FieldKind]>;
type ValueOf<K extends FieldKind> = K extends "boolean" ? boolean : string;

export type MenuValues<F extends Fields> = { [K in keyof F]?: ValueOf<F[K][1]> };
export type MenuRow<F extends Fields> = { id: string } & MenuValues<F>;
export type Menu<F extends Fields> = { path: string; fields: F };

function menu<const F extends Fields>(path: string, fields: F): Menu<F> {
  return { path, fields };
}

const common = { comment: ["comment", "string"], disabled: ["disabled", "boolean"] } as const;

export const PPP_SECRET = menu("/ppp/secret", {
  name: ["name", "string"],
  password: ["password", "string"],
  service: ["service", "string"],
  profile: ["profile", "string"],
  localAddress: ["local-address", "string"],
  remoteAddress: ["remote-address", "string"],
  callerId: ["caller-id", "string"],
  lastLoggedOut: ["last-logged-out", "string"],
  lastCallerId: ["last-caller-id", "string"],
  ...common,
});
export const PPP_PROFILE = menu("/ppp/profile", {
  name: ["name", "string"],
  rateLimit: ["rate-limit", "string"],
  localAddress: ["local-address", "string"],
  remoteAddress: ["remote-address", "string"],
  addressList: ["address-list", "string"],
  onlyOne: ["only-one", "string"],
  comment: ["comment", "string"],
});
export const PPP_ACTIVE = menu("/ppp/active", {
  name: ["name", "string"],
  service: ["service", "string"],
  callerId: ["caller-id", "string"],
  address: ["address", "string"],
  uptime: ["uptime", "string"],
  sessionId: ["session-id", "string"],
  radius: ["radius", "boolean"],
});
export const HOTSPOT_USER = menu("/ip/hotspot/user", {
  name: ["name", "string"],
  password: ["password", "string"],
  profile: ["profile", "string"],
  server: ["server", "string"],
  macAddress: ["mac-address", "string"],
  limitUptime: ["limit-uptime", "string"],
  uptime: ["uptime", "string"],
  bytesIn: ["bytes-in", "string"],
  bytesOut: ["bytes-out", "string"],
  ...common,
});
export const HOTSPOT_PROFILE = menu("/ip/hotspot/user/profile", {
  name: ["name", "string"],
  rateLimit: ["rate-limit", "string"],
  sharedUsers: ["shared-users", "string"],
  addressList: ["address-list", "string"],
});
export const HOTSPOT_ACTIVE = menu("/ip/hotspot/active", {
  user: ["user", "string"],
  server: ["server", "string"],
  address: ["address", "string"],
  macAddress: ["mac-address", "string"],
  uptime: ["uptime", "string"],
  bytesIn: ["bytes-in", "string"],
  bytesOut: ["bytes-out", "string"],
  radius: ["radius", "boolean"],
});
export const ADDRESS_LIST = menu("/ip/firewall/address-list", {
  list: ["list", "string"],
  address: ["address", "string"],
  timeout: ["timeout", "string"],
  dynamic: ["dynamic", "boolean"],
  ...common,
});

export type TPppSecret = MenuRow<typeof PPP_SECRET.fields>;
export type TPppProfile = MenuRow<typeof PPP_PROFILE.fields>;
export type TPppSession = MenuRow<typeof PPP_ACTIVE.fields>;
export type THotspotUser = MenuRow<typeof HOTSPOT_USER.fields>;
export type THotspotSession = MenuRow<typeof HOTSPOT_ACTIVE.fields>;
export type TAddressListEntry = MenuRow<typeof ADDRESS_LIST.fields>;

const ZBool = z.enum(["true", "false", "yes", "no"]).transform((v) => v === "true" || v === "yes");
const ZId = z.string().regex(/^\*[0-9A-Fa-f]+$/);

const ZIdentity = z.object({ name: z.string() });
/** RouterOS prints sizes in bytes and the uptime as `1w2d3h4m5s`. */
const ZResource = z.object({
  version: z.string().min(1),
  "board-name": z.string().optional(),
  "architecture-name": z.string().optional(),
  uptime: z.string().regex(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/),
  "cpu-load": z.coerce.number().int().min(0).max(100),
  "free-memory": z.coerce.number().int().nonnegative(),
  "total-memory": z.coerce.number().int().nonnegative(),
});

export type TRouterResource = {
  version: string;
  boardName: string | null;
  architecture: string | null;
  uptimeSeconds: number;
  cpuLoadPercent: number;
  freeMemoryBytes: number;
  totalMemoryBytes: number;
};

export type RouterCommandRecord = {
  menu: string;
  action: "add" | "set" | "remove";
  /** The item's `.id` (set, remove) or the new one's (add). */
  itemId: string | null;
  values: Record<string, string>;
  ok: boolean;
  /** The router's trap message, or the error code, when it failed. */
  error: string | null;
};

export type RouterClientHooks = { onCommand?: (record: RouterCommandRecord) => void | Promise<void> };

const SECRET_FIELDS = new Set(["password", "secret"]);

export class RouterClient {
  commandCount = 0;

  constructor(
    private readonly transport: RouterTransport,
    private readonly hooks: RouterClientHooks = {},
  ) {}

  async identity(): Promise<string> {
    this.commandCount++;
    const rows = await this.transport.print("/system/identity");
    return parseOne(ZIdentity, rows[0], "/system/identity/print").name;
  }

  async resource(): Promise<TRouterResource> {
    this.commandCount++;
    const rows = await this.transport.print("/system/resource");
    const r = parseOne(ZResource, rows[0], "/system/resource/print");
    return {
      version: r.version,
      boardName: r["board-name"] ?? null,
      architecture: r["architecture-name"] ?? null,
      uptimeSeconds: parseUptime(r.uptime),
      cpuLoadPercent: r["cpu-load"],
      freeMemoryBytes: r["free-memory"],
      totalMemoryBytes: r["total-memory"],
    };
  }

  /** Every item of a menu (one command), or those matching `where` (equality, ANDed). */
  async list<F extends Fields>(menu: Menu<F>, where?: MenuValues<F>): Promise<Array<MenuRow<F>>> {
    this.commandCount++;
    const rows = await this.transport.print(menu.path, where ? { where: toRouter(menu, where) } : undefined);
    return rows.map((row) => fromRouter(menu, row));
  }

  async add<F extends Fields>(menu: Menu<F>, values: MenuValues<F>): Promise<string> {
    const words = toRouter(menu, values);
    return this.recorded(menu, "add", null, words, async () => {
      const id = await this.transport.add(menu.path, words);
      if (!ZId.safeParse(id).success) throw commandFailed(`${menu.path}/add`, "the router answered an item id RRNET cannot read");
      return id;
    });
  }

  async set<F extends Fields>(menu: Menu<F>, id: string, values: MenuValues<F>): Promise<void> {
    const words = toRouter(menu, values);
    await this.recorded(menu, "set", id, words, () => this.transport.set(menu.path, id, words));
  }

  async remove<F extends Fields>(menu: Menu<F>, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.recorded(menu, "remove", ids.join(","), {}, () => this.transport.remove(menu.path, ids));
  }

  private async recorded<T>(menu: Menu<Fields>, action: RouterCommandRecord["action"], itemId: string | null, words: RouterRow, run: () => Promise<T>): Promise<T> {
    this.commandCount++;
    const values = Object.fromEntries(Object.entries(words).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? "***" : v]));
    try {
      const result = await run();
      await this.hooks.onCommand?.({ menu: menu.path, action, itemId: typeof result === "string" ? result : itemId, values, ok: true, error: null });
      return result;
    } catch (error) {
      const e = error as { code?: string; details?: { message?: string } };
      await this.hooks.onCommand?.({ menu: menu.path, action, itemId, values, ok: false, error: e.details?.message ?? e.code ?? "error" });
      throw error;
    }
  }
}

function toRouter<F extends Fields>(menu: Menu<F>, values: MenuValues<F>): RouterRow {
  const out: RouterRow = {};
  for (const [key, value] of Object.entries(values)) {
    const field = menu.fields[key];
    if (!field || value === undefined) continue;
    out[field[0]] = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  }
  return out;
}

function fromRouter<F extends Fields>(menu: Menu<F>, row: RouterRow): MenuRow<F> {
  const id = ZId.safeParse(row[".id"]);
  if (!id.success) throw commandFailed(`${menu.path}/print`, "an item without a readable .id");
  const out: Record<string, string | boolean> = { id: id.data };
  for (const [key, [routerName, kind]] of Object.entries(menu.fields)) {
    const value = row[routerName];
    if (value === undefined) continue;
    if (kind === "boolean") {
      const parsed = ZBool.safeParse(value);
      if (!parsed.success) throw commandFailed(`${menu.path}/print`, `${routerName} is not yes/no: ${value.slice(0, 40)}`);
      out[key] = parsed.data;
    } else {
      out[key] = value;
    }
  }
  return out as MenuRow<F>;
}

function parseOne<T>(schema: z.ZodType<T>, row: RouterRow | undefined, command: string): T {
  const result = schema.safeParse(row);
  if (!result.success) throw commandFailed(command, "unexpected reply from the router");
  return result.data;
}

export function parseUptime(text: string): number {
  const units: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([wdhms])/g)) total += Number(n) * units[unit!]!;
  return total;
}
