// Shapes of service packages (the internet plans an ISP sells). No server imports: shared with
// the UI. Money is integer rupiah; speeds are integer kbps (the UI enters Mbps).
import { z } from "zod";
import { v } from "@/i18n/keys";

export const PACKAGE_TYPES = ["pppoe", "hotspot"] as const;
export const ZPackageType = z.enum(PACKAGE_TYPES);
export type TPackageType = z.infer<typeof ZPackageType>;

export const MAX_PACKAGE_PRICE_IDR = 100_000_000;
/** 10 Gbps: more than any RT/RW Net package, small enough to catch a unit mistake. */
export const MAX_SPEED_KBPS = 10_000_000;

const ZSpeedKbps = z.number().int().min(1, v("packages.validation.speed")).max(MAX_SPEED_KBPS, v("packages.validation.speedMax"));

export const ZPackageInput = z.object({
  name: z.string().trim().min(1, v("packages.validation.name")).max(80),
  priceIdr: z.int(v("packages.validation.price")).min(0, v("packages.validation.price")).max(MAX_PACKAGE_PRICE_IDR, v("packages.validation.priceMax")),
  speedDownKbps: ZSpeedKbps,
  speedUpKbps: ZSpeedKbps,
  type: ZPackageType,
  /** PPN applies to this package when the tenant charges PPN. */
  taxable: z.boolean(),
  description: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => (v ? v : null)),
  active: z.boolean().default(true),
});
export type TPackageInput = z.input<typeof ZPackageInput>;
export type TCreatePackageInput = z.output<typeof ZPackageInput>;

/** A speed typed in Mbps ("20", "2.5", "2,5") as integer kbps. */
const ZSpeedMbps = z
  .string()
  .refine((text) => mbpsToKbps(text) !== null, v("packages.validation.speed"))
  .transform((text) => mbpsToKbps(text) ?? 0)
  .pipe(ZSpeedKbps);

/** The package form: speeds in Mbps as typed; the output is what create/update take. */
export const ZPackageForm = ZPackageInput.omit({ speedDownKbps: true, speedUpKbps: true })
  .extend({ speedDownMbps: ZSpeedMbps, speedUpMbps: ZSpeedMbps })
  .transform(({ speedDownMbps, speedUpMbps, ...rest }) => ({ ...rest, speedDownKbps: speedDownMbps, speedUpKbps: speedUpMbps }));

export const ZPackageTarget = z.object({ id: z.uuid() });

export const ZUpdatePackageInput = ZPackageInput.extend({ id: z.uuid() });
export type TUpdatePackageInput = z.output<typeof ZUpdatePackageInput>;

export const ZServicePackage = z.object({
  id: z.uuid(),
  name: z.string(),
  priceIdr: z.number().int(),
  speedDownKbps: z.number().int(),
  speedUpKbps: z.number().int(),
  type: ZPackageType,
  taxable: z.boolean(),
  description: z.string().nullable(),
  active: z.boolean(),
  /** Subscriptions that are active or paused. */
  subscriberCount: z.number().int(),
  /** All subscriptions ever, ended included: a package with any is deactivated, not deleted. */
  subscriptionCount: z.number().int(),
});
export type TServicePackage = z.infer<typeof ZServicePackage>;

export const ZPackageList = z.array(ZServicePackage);

export const ZRemovePackageResult = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("deleted"), id: z.uuid() }),
  z.object({ outcome: z.literal("deactivated"), id: z.uuid(), package: ZServicePackage }),
]);
export type TRemovePackageResult = z.infer<typeof ZRemovePackageResult>;

/** "20" or "7.5" Mbps -> integer kbps; null when not a number with at most one decimal. */
export function mbpsToKbps(value: string): number | null {
  const v = value.trim().replace(",", ".");
  if (!/^\d+(\.\d)?$/.test(v)) return null;
  const [whole, tenth = "0"] = v.split(".");
  return Number(whole) * 1000 + Number(tenth) * 100;
}

/** 20000 -> "20", 7500 -> "7.5", 512 -> "0.512". */
export function kbpsToMbps(kbps: number): string {
  return String(kbps / 1000);
}

/** "20/5 Mbps" (down/up). */
export function formatSpeed(downKbps: number, upKbps: number): string {
  return `${kbpsToMbps(downKbps)}/${kbpsToMbps(upKbps)} Mbps`;
}
