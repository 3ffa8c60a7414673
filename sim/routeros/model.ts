// The simulated router's state: the menus RRNET uses, with RouterOS's item ids (`*1`, `*A`),
// its unique names, its refusals ("failure: … already exists", "no such item", unknown
// parameters) and its string values. Both front ends (the binary API and REST) execute the
// same commands on it. Simulated PPPoE clients dial in with a secret's credentials, and hotspot
// clients log in with a hotspot user's, so an active session, a kick (removing it from
// /ppp/active or /ip/hotspot/active) and the reconnect into the current profile are visible.

export type Row = Record<string, string>;

/** A refusal as RouterOS words it: the API sends it as `!trap`, REST as a 400 with `detail`. */
export class SimTrap extends Error {
  constructor(
    message: string,
    readonly category?: number,
  ) {
    super(message);
  }
}

type MenuSpec = {
  /** The unique field (`name`) when the menu has one. */
  key?: string;
  noun?: string;
  fields: readonly string[];
  /** Fields RouterOS computes: printed, never written. */
  computed?: readonly string[];
  /** Fields never printed (passwords of /user). */
  hidden?: readonly string[];
  defaults?: Row;
  /** Items are made by the router, not by `add` (sessions). */
  noAdd?: boolean;
  singleton?: boolean;
};

const MENUS: Record<string, MenuSpec> = {
  "/ppp/secret": {
    key: "name",
    noun: "secret",
    fields: ["name", "password", "service", "profile", "local-address", "remote-address", "caller-id", "routes", "limit-bytes-in", "limit-bytes-out", "comment", "disabled"],
    computed: ["last-logged-out", "last-caller-id", "last-disconnect-reason"],
    defaults: { service: "any", profile: "default", disabled: "false" },
  },
  "/ppp/profile": {
    key: "name",
    noun: "profile",
    fields: ["name", "local-address", "remote-address", "rate-limit", "address-list", "dns-server", "only-one", "parent-queue", "change-tcp-mss", "use-encryption", "comment"],
    defaults: { "only-one": "default", "change-tcp-mss": "default", "use-encryption": "default" },
  },
  "/ppp/active": {
    noAdd: true,
    fields: ["comment"],
    computed: ["name", "service", "caller-id", "address", "uptime", "encoding", "session-id", "radius", "limit-bytes-in", "limit-bytes-out"],
  },
  "/ip/hotspot/user": {
    key: "name",
    noun: "user",
    fields: ["name", "password", "profile", "server", "mac-address", "address", "limit-uptime", "limit-bytes-total", "comment", "disabled"],
    computed: ["uptime", "bytes-in", "bytes-out", "packets-in", "packets-out"],
    defaults: { profile: "default", server: "all", disabled: "false", uptime: "0s", "bytes-in": "0", "bytes-out": "0" },
  },
  "/ip/hotspot/user/profile": {
    key: "name",
    noun: "profile",
    fields: ["name", "rate-limit", "shared-users", "address-pool", "session-timeout", "idle-timeout", "keepalive-timeout", "address-list", "comment"],
    defaults: { "shared-users": "1", "idle-timeout": "none", "keepalive-timeout": "2m" },
  },
  "/ip/hotspot/active": {
    noAdd: true,
    fields: ["comment"],
    computed: ["user", "server", "address", "mac-address", "uptime", "bytes-in", "bytes-out", "login-by", "radius"],
  },
  "/ip/firewall/address-list": {
    fields: ["list", "address", "comment", "disabled", "timeout"],
    computed: ["dynamic", "creation-time"],
    defaults: { disabled: "false", dynamic: "false" },
  },
  "/user": {
    key: "name",
    noun: "user",
    fields: ["name", "group", "password", "address", "comment", "disabled"],
    hidden: ["password"],
    defaults: { group: "read", disabled: "false" },
  },
  "/user/group": {
    key: "name",
    noun: "group",
    fields: ["name", "policy", "skin", "comment"],
    defaults: { skin: "default" },
  },
  "/system/identity": { singleton: true, fields: ["name"] },
  "/system/resource": {
    singleton: true,
    fields: [],
    computed: ["uptime", "version", "build-time", "free-memory", "total-memory", "cpu", "cpu-count", "cpu-frequency", "cpu-load", "free-hdd-space", "total-hdd-space", "architecture-name", "board-name", "platform"],
  },
};

export const SIM_MENUS = Object.keys(MENUS);

const BOOLEAN_FIELDS = new Set(["disabled", "dynamic", "radius"]);

function normaliseValue(field: string, value: string): string {
  if (!BOOLEAN_FIELDS.has(field)) return value;
  if (value === "yes" || value === "true") return "true";
  if (value === "no" || value === "false") return "false";
  throw new SimTrap(`value of ${field} must be yes or no`, 1);
}

class Table {
  readonly rows = new Map<string, Row>();
  private next = 1;
  constructor(
    readonly path: string,
    readonly spec: MenuSpec,
  ) {}

  insert(values: Row): Row {
    const id = `*${(this.next++).toString(16).toUpperCase()}`;
    const row: Row = { ".id": id, ...this.spec.defaults, ...values };
    this.rows.set(id, row);
    return row;
  }

  find(ref: string): Row | undefined {
    const byId = this.rows.get(ref);
    if (byId) return byId;
    const key = this.spec.key;
    return key ? [...this.rows.values()].find((row) => row[key] === ref) : undefined;
  }

  findByKey(value: string): Row | undefined {
    const key = this.spec.key;
    return key ? [...this.rows.values()].find((row) => row[key] === value) : undefined;
  }
}

export type SimClient = { name: string; password: string; callerId: string; connected: boolean };
type ClientKind = "pppoe" | "hotspot";

export type RouterModelOptions = {
  identity?: string;
  version?: string;
  boardName?: string;
  /** The API user RRNET logs in with (group `full`), plus any others. */
  users?: Array<{ name: string; password: string; group?: string }>;
  /** How long a kicked PPPoE or hotspot client waits before connecting again. */
  reconnectDelayMs?: number;
};

export class RouterModel {
  private readonly tables = new Map<string, Table>();
  readonly clients = new Map<string, SimClient>();
  /** Hotspot clients by user name (a phone or laptop behind the hotspot's login page). */
  readonly hotspotClients = new Map<string, SimClient>();
  readonly startedAt = Date.now();
  readonly version: string;
  boardName: string;
  reconnectDelayMs: number;
  /**
   * Fault: sets on items with these names are acknowledged but change nothing (as when a
   * scheduler script or another system on the router puts the old values back).
   */
  readonly revertSetsOn = new Set<string>();
  /** The router's RADIUS client (sim/routeros/radius-nas.ts), when it authenticates PPPoE through RADIUS. */
  radius: { login(client: SimClient): void; closed(session: Row): void } | null = null;
  private sessionCounter = 0;
  private timers = new Set<NodeJS.Timeout>();

  constructor(options: RouterModelOptions = {}) {
    for (const [path, spec] of Object.entries(MENUS)) this.tables.set(path, new Table(path, spec));
    this.version = options.version ?? "7.19.4 (stable)";
    this.boardName = options.boardName ?? "RB4011iGS+";
    this.reconnectDelayMs = options.reconnectDelayMs ?? 200;
    this.table("/system/identity").insert({ name: options.identity ?? "MikroTik" });
    this.table("/system/resource").insert({});
    this.table("/ppp/profile").insert({ name: "default" });
    this.table("/ppp/profile").insert({ name: "default-encryption", "use-encryption": "yes" });
    this.table("/ip/hotspot/user/profile").insert({ name: "default" });
    this.table("/user/group").insert({ name: "full", policy: "local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api" });
    this.table("/user/group").insert({ name: "read", policy: "local,telnet,ssh,reboot,read,test,winbox,password,web,sniff,api,romon,rest-api,!ftp,!write,!policy,!sensitive" });
    this.table("/user/group").insert({ name: "write", policy: "local,telnet,ssh,reboot,read,write,test,winbox,password,web,sniff,api,romon,rest-api,!ftp,!policy,!sensitive" });
    this.table("/user/group").insert({ name: "noapi", policy: "local,telnet,ssh,read,write,winbox,web,!api,!rest-api" });
    for (const user of options.users ?? [{ name: "admin", password: "" }]) {
      this.table("/user").insert({ name: user.name, password: user.password, group: user.group ?? "full" });
    }
  }

  table(path: string): Table {
    const table = this.tables.get(path);
    if (!table) throw new SimTrap("no such command prefix", 0);
    return table;
  }

  hasMenu(path: string): boolean {
    return this.tables.has(path);
  }

  /** Rows of a menu as the router prints them (computed values filled in, hidden ones left out). */
  list(path: string): Row[] {
    const table = this.table(path);
    return [...table.rows.values()].map((row) => this.printable(table, row));
  }

  /** null when the login is good; otherwise the router's refusal. */
  checkLogin(name: string, password: string, policy: "api" | "rest-api"): string | null {
    const user = this.table("/user").findByKey(name);
    if (!user || user.password !== password || user.disabled === "true") return "invalid user name or password (6)";
    const group = this.table("/user/group").findByKey(user.group ?? "");
    const policies = (group?.policy ?? "").split(",");
    if (!policies.includes(policy)) return "not allowed (9)";
    return null;
  }

  // ---- commands ------------------------------------------------------------------------------

  print(path: string, options: { proplist?: string[]; where?: (row: Row) => boolean } = {}): Row[] {
    let rows = this.list(path);
    if (options.where) rows = rows.filter(options.where);
    if (options.proplist) {
      const keep = options.proplist;
      rows = rows.map((row) => Object.fromEntries(keep.filter((k) => k in row).map((k) => [k, row[k]!])));
    }
    return rows;
  }

  add(path: string, values: Row): string {
    const table = this.table(path);
    if (table.spec.noAdd || table.spec.singleton) throw new SimTrap("no such command", 0);
    const clean = this.writable(table, values);
    const key = table.spec.key;
    if (key) {
      if (!clean[key]) throw new SimTrap(`failure: ${key} not specified`, 1);
      if (table.findByKey(clean[key])) throw new SimTrap(`failure: ${table.spec.noun} with the same ${key} already exists`, 1);
    }
    if (path === "/ip/firewall/address-list") {
      if (!clean.list || !clean.address) throw new SimTrap("failure: list and address must be specified", 1);
      if ([...table.rows.values()].some((r) => r.list === clean.list && r.address === clean.address)) {
        throw new SimTrap("failure: already have such entry", 1);
      }
      clean["creation-time"] = new Date().toISOString().slice(0, 19).replace("T", " ");
    }
    for (const ref of this.referencedProfiles(path, clean)) this.requireProfile(ref.menu, ref.name);
    return table.insert(clean)[".id"]!;
  }

  set(path: string, ref: string | undefined, values: Row): void {
    const table = this.table(path);
    const row = table.spec.singleton ? table.rows.values().next().value : ref !== undefined ? table.find(ref) : undefined;
    if (!row) throw new SimTrap("no such item", 0);
    const clean = this.writable(table, values);
    const key = table.spec.key;
    if (key && clean[key] !== undefined && clean[key] !== row[key] && table.findByKey(clean[key])) {
      throw new SimTrap(`failure: ${table.spec.noun} with the same ${key} already exists`, 1);
    }
    for (const r of this.referencedProfiles(path, clean)) this.requireProfile(r.menu, r.name);
    if (key && this.revertSetsOn.has(row[key] ?? "")) return;
    Object.assign(row, clean);
    for (const [field, value] of Object.entries(clean)) if (value === "") delete row[field];
  }

  remove(path: string, refs: string[]): void {
    const table = this.table(path);
    if (table.spec.singleton) throw new SimTrap("no such command", 0);
    const rows = refs.map((ref) => table.find(ref));
    if (rows.some((row) => !row)) throw new SimTrap("no such item", 0);
    for (const row of rows as Row[]) {
      table.rows.delete(row[".id"]!);
      if (path === "/ppp/active") this.disconnected(row, true, "pppoe");
      if (path === "/ip/hotspot/active") this.disconnected(row, true, "hotspot");
    }
  }

  // ---- simulated PPPoE clients -----------------------------------------------------------

  /** A subscriber's CPE that dials PPPoE with these credentials (now, and again after a kick). */
  addClient(name: string, password: string, callerId = randomMac()): void {
    this.clients.set(name, { name, password, callerId, connected: false });
    this.dial(name);
  }

  /** A hotspot client that logs in with this user's credentials (now, and again after a kick). */
  addHotspotClient(name: string, password: string, macAddress = randomMac()): void {
    this.hotspotClients.set(name, { name, password, callerId: macAddress, connected: false });
    this.login(name);
  }

  /** Every client that is not online connects once (a secret or user fixed by RRNET lets it in). */
  dialAll(): void {
    for (const name of this.clients.keys()) this.dial(name);
    for (const name of this.hotspotClients.keys()) this.login(name);
  }

  /** A hotspot login: refused for an unknown or disabled user or a wrong password, as the login page does. */
  private login(name: string): void {
    const client = this.hotspotClients.get(name);
    if (!client || client.connected) return;
    const user = this.table("/ip/hotspot/user").findByKey(name);
    if (!user || user.disabled === "true" || (user.password ?? "") !== client.password) return;
    const profile = this.table("/ip/hotspot/user/profile").findByKey(user.profile ?? "default");
    if (!profile) return;
    this.sessionCounter++;
    const address = `172.16.${Math.floor(this.sessionCounter / 250) % 250}.${(this.sessionCounter % 250) + 2}`;
    this.table("/ip/hotspot/active").insert({
      user: name,
      server: "hotspot1",
      address,
      "mac-address": client.callerId,
      "login-by": "http-chap",
      "connected-at": String(Date.now()),
      "bytes-in": "0",
      "bytes-out": "0",
      radius: "false",
      profile: profile.name!,
    });
    if (profile["address-list"]) {
      this.table("/ip/firewall/address-list").insert({ list: profile["address-list"], address, dynamic: "true", comment: "" });
    }
    client.connected = true;
  }

  private dial(name: string): void {
    const client = this.clients.get(name);
    if (!client || client.connected) return;
    const secret = this.table("/ppp/secret").findByKey(name);
    // RouterOS tries its local secrets first, then RADIUS (`/ppp aaa use-radius=yes`).
    if (!secret && this.radius) return this.radius.login(client);
    if (!secret || secret.disabled === "true" || (secret.password ?? "") !== client.password) return;
    const profile = this.table("/ppp/profile").findByKey(secret.profile ?? "default");
    if (!profile) return;
    this.openPppSession(client, { address: secret["remote-address"], profile: profile.name!, rateLimit: profile["rate-limit"], addressList: profile["address-list"], radius: false });
  }

  /** A PPPoE session comes up (local secret, or RADIUS's Access-Accept): its /ppp/active row and dynamic address-list entry. */
  openPppSession(client: SimClient, session: { address?: string; profile: string; rateLimit?: string; addressList?: string; radius: boolean }): Row {
    this.sessionCounter++;
    const address = session.address ?? `10.${Math.floor(this.sessionCounter / 250) % 250}.${this.sessionCounter % 250}.${(this.sessionCounter % 200) + 2}`;
    const row = this.table("/ppp/active").insert({
      name: client.name,
      service: "pppoe",
      "caller-id": client.callerId,
      address,
      "connected-at": String(Date.now()),
      encoding: "",
      "session-id": `0x8${this.sessionCounter.toString(16).padStart(7, "0").toUpperCase()}`,
      radius: String(session.radius),
      profile: session.profile,
      ...(session.rateLimit ? { "rate-limit": session.rateLimit } : {}),
    });
    if (session.addressList) this.setSessionAddressList(row, session.addressList);
    client.connected = true;
    return row;
  }

  /** The session's dynamic address-list entry (RADIUS's Mikrotik-Address-List, or the profile's). */
  setSessionAddressList(session: Row, list: string | null): void {
    const table = this.table("/ip/firewall/address-list");
    for (const row of [...table.rows.values()]) if (row.dynamic === "true" && row.address === session.address) table.rows.delete(row[".id"]!);
    if (list) table.insert({ list, address: session.address!, dynamic: "true", comment: "" });
  }

  /** The open PPPoE session of this user (with the fields RouterOS does not print: profile, rate-limit). */
  pppSession(name: string): Row | undefined {
    return [...this.table("/ppp/active").rows.values()].find((row) => row.name === name);
  }

  private disconnected(session: Row, redial: boolean, kind: ClientKind): void {
    if (kind === "pppoe") this.radius?.closed(session);
    const list = this.table("/ip/firewall/address-list");
    for (const row of [...list.rows.values()]) {
      if (row.dynamic === "true" && row.address === session.address) list.rows.delete(row[".id"]!);
    }
    const name = (kind === "pppoe" ? session.name : session.user) ?? "";
    const secret = kind === "pppoe" ? this.table("/ppp/secret").findByKey(name) : undefined;
    if (secret) {
      secret["last-logged-out"] = new Date().toISOString().slice(0, 19).replace("T", " ");
      secret["last-caller-id"] = session["caller-id"] ?? "";
      secret["last-disconnect-reason"] = "administrator-request";
    }
    const client = (kind === "pppoe" ? this.clients : this.hotspotClients).get(name);
    if (!client) return;
    client.connected = false;
    if (!redial) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (kind === "pppoe") this.dial(client.name);
      else this.login(client.name);
    }, this.reconnectDelayMs);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private writable(table: Table, values: Row): Row {
    const out: Row = {};
    for (const [field, value] of Object.entries(values)) {
      if (!table.spec.fields.includes(field)) throw new SimTrap(`unknown parameter ${field}`, 1);
      out[field] = normaliseValue(field, value);
    }
    return out;
  }

  private referencedProfiles(path: string, values: Row): Array<{ menu: string; name: string }> {
    if (path === "/ppp/secret" && values.profile) return [{ menu: "/ppp/profile", name: values.profile }];
    if (path === "/ip/hotspot/user" && values.profile) return [{ menu: "/ip/hotspot/user/profile", name: values.profile }];
    if (path === "/user" && values.group) return [{ menu: "/user/group", name: values.group }];
    return [];
  }

  private requireProfile(menu: string, name: string): void {
    if (!this.table(menu).findByKey(name)) throw new SimTrap(`input does not match any value of ${menu === "/user/group" ? "group" : "profile"}`, 1);
  }

  private printable(table: Table, row: Row): Row {
    const out: Row = { ...row };
    for (const field of table.spec.hidden ?? []) delete out[field];
    if (table.path === "/system/resource") {
      const uptime = Math.floor((Date.now() - this.startedAt) / 1000) + 3 * 86400 + 4 * 3600;
      Object.assign(out, {
        uptime: formatUptime(uptime),
        version: this.version,
        "build-time": "2025-06-17 10:12:33",
        "free-memory": String(742 * 1024 * 1024 - (uptime % 97) * 1024 * 1024),
        "total-memory": String(1024 * 1024 * 1024),
        cpu: "ARMv7",
        "cpu-count": "4",
        "cpu-frequency": "1400",
        "cpu-load": String((uptime * 7) % 23),
        "free-hdd-space": String(420 * 1024 * 1024),
        "total-hdd-space": String(512 * 1024 * 1024),
        "architecture-name": "arm",
        "board-name": this.boardName,
        platform: "MikroTik",
      });
    }
    if (table.path === "/ppp/active" || table.path === "/ip/hotspot/active") {
      const since = Number(row["connected-at"] ?? Date.now());
      out.uptime = formatUptime(Math.floor((Date.now() - since) / 1000));
      delete out["connected-at"];
      delete out.profile;
      delete out["rate-limit"];
    }
    return out;
  }

  /** The profile a session was dialled (or logged) into: not printed by RouterOS; tests read it. */
  sessionProfile(name: string, kind: ClientKind = "pppoe"): string | undefined {
    if (kind === "hotspot") return [...this.table("/ip/hotspot/active").rows.values()].find((row) => row.user === name)?.profile;
    return [...this.table("/ppp/active").rows.values()].find((row) => row.name === name)?.profile;
  }
}

export function formatUptime(totalSeconds: number): string {
  let rest = totalSeconds;
  const parts: string[] = [];
  for (const [unit, size] of [["w", 604800], ["d", 86400], ["h", 3600], ["m", 60]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(`${n}${unit}`);
  }
  if (rest || parts.length === 0) parts.push(`${rest}s`);
  return parts.join("");
}

function randomMac(): string {
  const bytes = Array.from({ length: 6 }, (_, i) => (i === 0 ? 0x02 : Math.floor(Math.random() * 256)));
  return bytes.map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}
