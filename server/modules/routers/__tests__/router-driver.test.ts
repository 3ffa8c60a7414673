// The production router driver against the RouterOS simulator over real sockets: both
// transports (binary API plain and API-SSL with anonymous DH, REST over HTTPS), RouterOS
// before and after 7.18 (`!empty`), the error codes, faults, and the connection pool.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { selfSignedCertificate } from "@/sim/routeros/self-signed";
import { encodeSentence, SentenceReader } from "@/sim/routeros/wire";
import type { AppError } from "@/server/errors/app-error";
import { PPP_ACTIVE, PPP_PROFILE, PPP_SECRET } from "../driver/router-client";
import { connectTransport, RouterPool } from "../driver/router-pool";
import type { RouterConnectionConfig, RouterTransportKind } from "../driver/router-transport";

const USER = { name: "rrnet", password: "s3cret-api", group: "full" };
const certificate = selfSignedCertificate();
const sims: RouterOsSim[] = [];
const pools: RouterPool[] = [];

async function sim(version = "7.19.4 (stable)") {
  const s = await startRouterOsSim({ version, identity: `sim-${version}`, users: [USER, { name: "viewer", password: "pw", group: "noapi" }], restTls: certificate, reconnectDelayMs: 20 });
  sims.push(s);
  return s;
}

function config(s: RouterOsSim, transport: RouterTransportKind, overrides: Partial<RouterConnectionConfig> = {}): RouterConnectionConfig {
  const port = transport === "api" ? s.apiPort : transport === "api-ssl" ? s.apiSslPort : s.restPort;
  return { host: "127.0.0.1", port: port!, transport, username: USER.name, password: USER.password, tlsVerify: false, connectTimeoutMs: 1500, commandTimeoutMs: 1500, ...overrides };
}

function pool() {
  const p = new RouterPool({ maxConcurrent: 4 });
  pools.push(p);
  return p;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a failure");
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.closeAll()));
});
afterAll(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe("the simulator speaks the RouterOS wire protocol", () => {
  async function rawPrint(s: RouterOsSim): Promise<string[][]> {
    const socket = net.connect(s.apiPort!, "127.0.0.1");
    const reader = new SentenceReader();
    const replies: string[][] = [];
    const got = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (replies.length >= n ? resolve() : socket.once("data", (chunk: Buffer) => (replies.push(...reader.push(chunk)), check())));
        check();
      });
    socket.write(encodeSentence(["/login", `=name=${USER.name}`, `=password=${USER.password}`, ".tag=1"]));
    await got(1);
    socket.write(encodeSentence(["/ppp/secret/print", "?name=nobody", ".tag=2"]));
    await got(s.model.version.startsWith("7.19") ? 3 : 2);
    socket.destroy();
    return replies;
  }

  it("answers a print without results with !empty on 7.18+ and with !done alone before, echoing .tag", async () => {
    expect(await rawPrint(await sim("7.19.4 (stable)"))).toEqual([["!done", ".tag=1"], ["!empty", ".tag=2"], ["!done", ".tag=2"]]);
    expect(await rawPrint(await sim("7.17.2 (stable)"))).toEqual([["!done", ".tag=1"], ["!done", ".tag=2"]]);
  });

  it("encodes word lengths across the 1-, 2- and 3-byte thresholds", async () => {
    const reader = new SentenceReader();
    const words = ["a".repeat(0x7f), "b".repeat(0x80), "c".repeat(0x3fff), "d".repeat(0x4000), "é€"];
    expect(reader.push(encodeSentence(words))).toEqual([words]);
  });
});

describe.each([
  ["api", "7.19.4 (stable)"],
  ["api", "7.17.2 (stable)"],
  ["api-ssl", "7.19.4 (stable)"],
  ["rest", "7.19.4 (stable)"],
] as const)("router driver over %s, RouterOS %s", (transport, version) => {
  let s: RouterOsSim;
  beforeAll(async () => {
    s = await sim(version);
  });

  it("reads identity and resources", async () => {
    const result = await pool().use("r1", config(s, transport), async (client) => ({ identity: await client.identity(), resource: await client.resource() }));
    expect(result.identity).toBe(`sim-${version}`);
    expect(result.resource).toMatchObject({ version, boardName: "RB4011iGS+" });
    expect(result.resource.uptimeSeconds).toBeGreaterThan(3 * 86400);
  });

  it("lists nothing as an empty list (the patched !empty), then adds, filters, sets and removes", async () => {
    await pool().use("r1", config(s, transport), async (client) => {
      expect(await client.list(PPP_SECRET, { name: `nobody-${transport}` })).toEqual([]);
      await client.add(PPP_PROFILE, { name: `paket-${transport}`, rateLimit: "5M/10M" });
      const id = await client.add(PPP_SECRET, { name: `budi-${transport}`, password: "pw1", profile: `paket-${transport}`, service: "pppoe", comment: "rrnet:test" });
      await client.set(PPP_SECRET, id, { disabled: true });
      const [secret] = await client.list(PPP_SECRET, { name: `budi-${transport}` });
      expect(secret).toMatchObject({ id, name: `budi-${transport}`, password: "pw1", profile: `paket-${transport}`, disabled: true, comment: "rrnet:test" });
      await client.remove(PPP_SECRET, [id]);
      expect(await client.list(PPP_SECRET, { name: `budi-${transport}` })).toEqual([]);
    });
  });

  it("turns the router's refusal into ROUTER_COMMAND_FAILED with its message", async () => {
    const error = await failure(
      pool().use("r1", config(s, transport), async (client) => {
        await client.add(PPP_SECRET, { name: `dup-${transport}`, password: "x" });
        await client.add(PPP_SECRET, { name: `dup-${transport}`, password: "y" });
      }),
    );
    expect(error.code).toBe("ROUTER_COMMAND_FAILED");
    expect(error.details?.message).toBe("failure: secret with the same name already exists");
  });

  it("says ROUTER_AUTH_FAILED for a wrong password", async () => {
    const error = await failure(pool().use("r1", config(s, transport, { password: "wrong" }), (client) => client.identity()));
    expect(error.code).toBe("ROUTER_AUTH_FAILED");
  });

  it("records each state-changing command with passwords redacted", async () => {
    const records: unknown[] = [];
    await pool().use("r1", config(s, transport), (client) => client.add(PPP_SECRET, { name: `rec-${transport}`, password: "hidden" }), { onCommand: (r) => void records.push(r) });
    expect(records).toEqual([{ menu: "/ppp/secret", action: "add", itemId: expect.stringMatching(/^\*/), values: { name: `rec-${transport}`, password: "***" }, ok: true, error: null }]);
  });
});

describe("binary API specifics", () => {
  it("tells a user whose group lacks the api policy apart from a wrong password", async () => {
    const s = await sim();
    const error = await failure(pool().use("r1", config(s, "api", { username: "viewer", password: "pw" }), (client) => client.identity()));
    expect(error.code).toBe("ROUTER_AUTH_FAILED");
    expect(error.details?.reason).toBe("policy");
  });

  it("says ROUTER_UNREACHABLE refused when nothing listens, and timeout when the router never answers", async () => {
    const s = await sim();
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", () => resolve()));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await failure(pool().use("r1", config(s, "api", { port }), (client) => client.identity()));
    expect(refused.details).toMatchObject({ reason: "refused", port });

    s.faults.reachability = "blackhole";
    const started = Date.now();
    const timedOut = await failure(pool().use("r2", config(s, "api", { connectTimeoutMs: 300 }), (client) => client.identity()));
    s.faults.reachability = "ok";
    expect(timedOut.code).toBe("ROUTER_UNREACHABLE");
    expect(timedOut.details?.reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("fails a command whose connection drops with ROUTER_UNREACHABLE, and the next call reconnects", async () => {
    const s = await sim();
    const p = pool();
    await p.use("r1", config(s, "api"), (client) => client.identity());
    s.faults.drop = { command: "/ppp/secret/add", times: 1, afterApply: false };
    const error = await failure(p.use("r1", config(s, "api"), (client) => client.add(PPP_SECRET, { name: "drop-1", password: "x" })));
    expect(error.code).toBe("ROUTER_UNREACHABLE");
    expect(error.details?.reason).toBe("closed");
    const id = await p.use("r1", config(s, "api"), (client) => client.add(PPP_SECRET, { name: "drop-1", password: "x" }));
    expect(id).toMatch(/^\*/);
  });

  it("gives up on a command slower than the command timeout", async () => {
    const s = await sim();
    s.faults.delayMs = 400;
    const error = await failure(pool().use("r1", config(s, "api", { commandTimeoutMs: 800 }), async (client) => {
      s.faults.delayMs = 1500;
      return client.identity();
    }));
    s.faults.delayMs = 0;
    expect(error.details?.reason).toBe("timeout");
  });

  it("reuses one logged-in connection and keeps at most maxConcurrent commands in flight", async () => {
    const s = await sim();
    const p = new RouterPool({ maxConcurrent: 2 });
    pools.push(p);
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        p.use("r1", config(s, "api"), async (client) => {
          peak = Math.max(peak, ++inFlight);
          await client.list(PPP_SECRET);
          inFlight--;
        }),
      ),
    );
    expect(s.commands.filter(([word]) => word === "/login")).toHaveLength(1);
    expect(peak).toBe(2);
  });

  it("closes every router connection on shutdown (closeAll), and the router sees it go", async () => {
    const s = await sim();
    const p = pool();
    await p.use("r1", config(s, "api"), (client) => client.list(PPP_SECRET));
    await p.use("r1", config(s, "api"), (client) => client.list(PPP_SECRET));
    expect(s.openConnections()).toBe(1);
    await p.closeAll();
    await expect.poll(() => s.openConnections()).toBe(0);
  });

  it("refuses an anonymous-DH api-ssl router when certificate checks are on", async () => {
    const s = await sim();
    const error = await failure(connectTransport(config(s, "api-ssl", { tlsVerify: true })));
    expect(error.code).toBe("ROUTER_UNREACHABLE");
  });
});

describe("simulated PPPoE clients", () => {
  it("dial in with their secret, are kicked by removing the session and dial again", async () => {
    const s = await sim();
    await pool().use("r1", config(s, "api"), async (client) => {
      await client.add(PPP_SECRET, { name: "siti", password: "pw", service: "pppoe" });
      s.model.reconnectDelayMs = 300;
      s.model.addClient("siti", "pw");
      const [session] = await client.list(PPP_ACTIVE, { name: "siti" });
      expect(session).toMatchObject({ name: "siti", service: "pppoe" });
      await client.remove(PPP_ACTIVE, [session!.id]);
      expect(await client.list(PPP_ACTIVE, { name: "siti" })).toEqual([]);
      await new Promise((r) => setTimeout(r, 400));
      const [again] = await client.list(PPP_ACTIVE, { name: "siti" });
      expect(again?.id).not.toBe(session!.id);
    });
  });
});
