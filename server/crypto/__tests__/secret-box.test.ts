// One sealing mechanism for every secret at rest: keys rotate without losing what was sealed.
import { afterAll, describe, expect, it, vi } from "vitest";

const original = process.env.SECRET_KEYS;
const keyOf = (byte: number) => Buffer.alloc(32, byte).toString("base64");

/** A fresh secret-box (and configuration) as a process started with this SECRET_KEYS would see it. */
async function box(secretKeys: string | undefined) {
  vi.resetModules();
  if (secretKeys === undefined) delete process.env.SECRET_KEYS;
  else process.env.SECRET_KEYS = secretKeys;
  return import("../secret-box");
}

describe("secret-box", () => {
  afterAll(() => {
    if (original === undefined) delete process.env.SECRET_KEYS;
    else process.env.SECRET_KEYS = original;
    vi.resetModules();
  });

  it("seals under the first key, and a value survives putting a new key first", async () => {
    const before = await box(`k1:${keyOf(1)}`);
    const sealed = before.seal("router-password");
    expect(sealed.startsWith("k1.")).toBe(true);
    expect(sealed).not.toContain("router-password");

    const rotated = await box(`k2:${keyOf(2)},k1:${keyOf(1)}`);
    expect(rotated.open(sealed)).toBe("router-password");
    expect(rotated.seal("x").startsWith("k2.")).toBe(true);
  });

  it("still opens what was sealed before SECRET_KEYS was set (key v1 from AUTH_SECRET)", async () => {
    const legacy = (await box(undefined)).seal("totp-seed");
    expect(legacy.startsWith("v1.")).toBe(true);
    expect((await box(`k1:${keyOf(1)}`)).open(legacy)).toBe("totp-seed");
  });

  it("refuses a value under a key it does not hold, or tampered with", async () => {
    const sealed = (await box(`k1:${keyOf(1)}`)).seal("secret");
    const other = await box(`k9:${keyOf(9)}`);
    expect(() => other.open(sealed)).toThrow(/unknown key id/);
    const [id, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    const own = await box(`k1:${keyOf(1)}`);
    expect(() => own.open([id, iv, flipped.toString("base64url"), tag].join("."))).toThrow();
  });
});
