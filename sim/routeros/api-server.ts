// The binary RouterOS API (port 8728, API-SSL 8729) over a real TCP or TLS socket, on a
// RouterModel. It answers as RouterOS does: `.tag` echoed on every reply, `!re` per item,
// `!done` (with `=ret=` for add), `!trap` (then `!done`) with `=message=` and `=category=`,
// `!empty` before `!done` for a print without results when emulating 7.18+ and never before,
// "not logged in" before /login, "invalid user name or password (6)" and "not allowed (9)".
// TLS without a certificate offers only anonymous Diffie-Hellman ciphers, like a router whose
// api-ssl service has none. Faults can be injected per simulator (see SimFaults).
import net from "node:net";
import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { RouterModel, SimTrap, type Row } from "./model";
import { SentenceReader, encodeSentence } from "./wire";

export type SimFaults = {
  /** "refuse": connections are closed at once; "blackhole": accepted and never answered. */
  reachability: "ok" | "refuse" | "blackhole";
  /** Added before every reply. */
  delayMs: number;
  /** The next N commands whose first word starts with `command` close the connection. */
  drop?: { command: string; times: number; afterApply: boolean };
};

export type ApiServerOptions = {
  model: RouterModel;
  faults: SimFaults;
  /** RouterOS 7.18+ sends `!empty` for a print without results. */
  emptyReply: boolean;
  port?: number;
  host?: string;
  /** Serve API-SSL: with `cert`/`key`, or anonymous DH when they are absent. */
  tls?: { cert?: string; key?: string };
  onCommand?: (words: string[]) => void;
};

export const ANONYMOUS_DH_CIPHERS = "ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:ADH-AES256-SHA256:ADH-AES128-SHA256:@SECLEVEL=0";

export type ApiServer = { port: number; close(): Promise<void>; dropConnections(): void; openConnections(): number };

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    if (options.faults.reachability === "refuse") return void socket.destroy();
    if (options.faults.reachability === "blackhole") return;
    serveConnection(socket, options);
  };
  const server = options.tls
    ? tls.createServer(
        options.tls.cert && options.tls.key
          ? { cert: options.tls.cert, key: options.tls.key }
          : { ciphers: ANONYMOUS_DH_CIPHERS, dhparam: "auto", maxVersion: "TLSv1.2" },
        onSocket,
      )
    : net.createServer(onSocket);
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: net.Socket, options: ApiServerOptions) {
  const reader = new SentenceReader();
  let user: string | null = null;
  const send = (words: string[]) => {
    if (!socket.destroyed) socket.write(encodeSentence(words));
  };

  socket.on("data", (chunk: Buffer) => {
    for (const sentence of reader.push(chunk)) {
      if (sentence.length === 0) continue;
      void handle(sentence);
    }
  });

  async function handle(words: string[]) {
    const [command, ...rest] = words as [string, ...string[]];
    const tag = rest.find((w) => w.startsWith(".tag="))?.slice(5);
    const tagged = (reply: string[]) => (tag === undefined ? reply : [...reply, `.tag=${tag}`]);
    const attrs: Row = {};
    const queries: string[] = [];
    for (const word of rest) {
      if (word.startsWith("=")) {
        const eq = word.indexOf("=", 1);
        attrs[eq < 0 ? word.slice(1) : word.slice(1, eq)] = eq < 0 ? "" : word.slice(eq + 1);
      } else if (word.startsWith("?")) {
        queries.push(word.slice(1));
      }
    }
    options.onCommand?.(words);

    const drop = options.faults.drop;
    const dropping = drop && drop.times > 0 && command.startsWith(drop.command);
    if (dropping) drop.times--;
    if (dropping && !drop.afterApply) return void socket.destroy();
    if (options.faults.delayMs > 0) await new Promise((r) => setTimeout(r, options.faults.delayMs));

    const replies: string[][] = [];
    try {
      if (command === "/login") {
        const refusal = options.model.checkLogin(attrs.name ?? "", attrs.password ?? "", "api");
        if (refusal) throw new SimTrap(refusal);
        user = attrs.name!;
        replies.push(["!done"]);
      } else if (!user) {
        throw new SimTrap("not logged in");
      } else if (command === "/quit") {
        send(tagged(["!fatal", "session terminated on request"]));
        return void socket.end();
      } else if (command === "/cancel") {
        replies.push(["!done"]);
      } else {
        replies.push(...execute(options.model, command, attrs, queries, options.emptyReply));
      }
    } catch (error) {
      if (!(error instanceof SimTrap)) throw error;
      const trap = ["!trap", ...(error.category !== undefined ? [`=category=${error.category}`] : []), `=message=${error.message}`];
      replies.length = 0;
      replies.push(trap, ["!done"]);
    }
    if (dropping) return void socket.destroy();
    for (const reply of replies) send(tagged(reply));
  }
}

/** Runs one API command on the model: the replies without their tags. */
function execute(model: RouterModel, command: string, attrs: Row, queries: string[], emptyReply: boolean): string[][] {
  const cut = command.lastIndexOf("/");
  const menu = command.slice(0, cut);
  const verb = command.slice(cut + 1);
  if (!model.hasMenu(menu)) throw new SimTrap("no such command prefix", 0);
  const { ".id": id, numbers, ".proplist": proplist, "count-only": countOnly, ...values } = attrs;
  switch (verb) {
    case "print":
    case "getall": {
      const where = queries.length ? compileQuery(queries) : undefined;
      delete values.detail;
      delete values["without-paging"];
      const rows = model.print(menu, { where, proplist: proplist ? proplist.split(",") : undefined });
      if (countOnly !== undefined) return [["!done", `=ret=${rows.length}`]];
      const items = rows.map((row) => ["!re", ...Object.entries(row).map(([k, v]) => `=${k}=${v}`)]);
      if (items.length === 0 && emptyReply) return [["!empty"], ["!done"]];
      return [...items, ["!done"]];
    }
    case "add":
      return [["!done", `=ret=${model.add(menu, values)}`]];
    case "set":
      model.set(menu, id ?? numbers, values);
      return [["!done"]];
    case "remove": {
      const refs = (id ?? numbers ?? "").split(",").filter(Boolean);
      if (refs.length === 0) throw new SimTrap("no such item", 0);
      model.remove(menu, refs);
      return [["!done"]];
    }
    default:
      throw new SimTrap("no such command", 0);
  }
}

/** RouterOS API queries: `?name=v`, `?name` (has), `?-name` (lacks), `?<name=v`, `?>name=v`,
 *  `?#|&!` operations on the stack; whatever stays on the stack must all be true. */
export function compileQuery(queries: string[]): (row: Row) => boolean {
  return (row) => {
    const stack: boolean[] = [];
    for (const query of queries) {
      if (query.startsWith("#")) {
        for (const op of query.slice(1)) {
          if (op === "!") stack.push(!stack.pop());
          else if (op === "|" || op === "&") {
            const b = stack.pop() ?? true;
            const a = stack.pop() ?? true;
            stack.push(op === "|" ? a || b : a && b);
          }
        }
        continue;
      }
      const first = query[0];
      if (first === "-") stack.push(!(query.slice(1) in row));
      else if (first === "<" || first === ">") {
        const [field, value] = splitOnce(query.slice(1));
        const actual = row[field];
        const cmp = actual === undefined ? NaN : compareValues(actual, value ?? "");
        stack.push(first === "<" ? cmp < 0 : cmp > 0);
      } else {
        const [field, value] = splitOnce(query.startsWith("=") ? query.slice(1) : query);
        stack.push(value === undefined ? field in row : row[field] === value);
      }
    }
    return stack.every(Boolean);
  };
}

function splitOnce(text: string): [string, string | undefined] {
  const eq = text.indexOf("=");
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
