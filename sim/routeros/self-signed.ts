// A throwaway self-signed certificate for the simulator's HTTPS and API-SSL (openssl from
// Debian's base system), like the one a router makes with /certificate add … sign.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function selfSignedCertificate(commonName = "127.0.0.1"): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "routeros-sim-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30", "-subj", `/CN=${commonName}`, "-addext", `subjectAltName=IP:${commonName}`, "-keyout", key, "-out", cert],
      { stdio: "ignore" },
    );
    return { cert: readFileSync(cert, "utf8"), key: readFileSync(key, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
