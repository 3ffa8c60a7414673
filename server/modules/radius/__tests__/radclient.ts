// Test helper: FreeRADIUS's own client (radclient, freeradius-utils) against our FreeRADIUS,
// the way §7 of issue 12 asks. It sends from 127.0.0.1; other source addresses (a second
// tenant's NAS) go through radius-client.ts, which can bind one.
import { execFile } from "node:child_process";

export type RadclientAnswer = { code: string; attributes: Record<string, string> };

export function radiusPorts() {
  const auth = Number(process.env.RRNET_RADIUS_AUTH_PORT);
  const acct = Number(process.env.RRNET_RADIUS_ACCT_PORT || auth + 1);
  if (!auth) throw new Error("RRNET_RADIUS_AUTH_PORT is not set: FreeRADIUS is started by scripts/test.sh (start_freeradius)");
  return { auth, acct };
}

export function radclient(kind: "auth" | "acct", secret: string, attributes: Record<string, string | number>): Promise<RadclientAnswer> {
  const { auth, acct } = radiusPorts();
  const port = kind === "auth" ? auth : acct;
  const input = Object.entries(attributes).map(([k, v]) => `${k} = ${typeof v === "number" ? v : JSON.stringify(v)}`).join("\n");
  return new Promise((resolve, reject) => {
    const child = execFile("radclient", ["-x", "-r", "2", "-t", "2", `127.0.0.1:${port}`, kind, secret], (error, stdout) => {
      const received = /Received (\S+) Id/.exec(stdout);
      if (!received) return reject(new Error(`radclient: no answer (${error?.message ?? ""})\n${stdout}`));
      const after = stdout.slice(stdout.indexOf(received[0]));
      const attributesOut: Record<string, string> = {};
      for (const [, name, value] of after.matchAll(/^\s+([A-Za-z0-9-]+) = (.*)$/gm)) attributesOut[name!] = value!.replace(/^"(.*)"$/, "$1");
      resolve({ code: received[1]!, attributes: attributesOut });
    });
    child.stdin!.end(input + "\n");
  });
}
