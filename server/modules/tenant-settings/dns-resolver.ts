// TXT lookups for custom-domain verification, behind an interface. Production asks DNS
// (node:dns/promises, short timeout); with APP_ENV=test and DNS_TXT_FIXTURE_FILE set, records
// come from that JSON file ({ "<record name>": ["value", ...] }), read on every lookup so tests
// and Playwright can write it while the server runs.
import "server-only";
import { readFile } from "node:fs/promises";
import { Resolver } from "node:dns/promises";
import { env } from "@/server/config/env";

export interface DnsTxtResolver {
  /** Every TXT value at `name` (multi-string records joined); [] when there is none. */
  resolveTxt(name: string): Promise<string[]>;
}

const NO_RECORD = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "NOTFOUND"]);

export class SystemTxtResolver implements DnsTxtResolver {
  private readonly resolver = new Resolver({ timeout: 3_000, tries: 2 });

  async resolveTxt(name: string): Promise<string[]> {
    try {
      return (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
    } catch (error) {
      if (NO_RECORD.has((error as NodeJS.ErrnoException).code ?? "")) return [];
      throw error;
    }
  }
}

export class FixtureTxtResolver implements DnsTxtResolver {
  constructor(private readonly file: string) {}

  async resolveTxt(name: string): Promise<string[]> {
    let raw: string;
    try {
      raw = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const records = JSON.parse(raw) as Record<string, unknown>;
    const values = records[name.toLowerCase()];
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
  }
}

let system: SystemTxtResolver | undefined;

export function dnsTxtResolver(): DnsTxtResolver {
  const config = env();
  if (config.APP_ENV === "test" && config.DNS_TXT_FIXTURE_FILE) return new FixtureTxtResolver(config.DNS_TXT_FIXTURE_FILE);
  return (system ??= new SystemTxtResolver());
}
