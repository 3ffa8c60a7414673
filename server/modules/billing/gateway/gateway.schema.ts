// Inputs and outputs of the payment gateway API (gateway.router.ts). Pure: no server imports.
import { z } from "zod";

export const GATEWAY_PROVIDERS = ["tripay"] as const;
export const ZGatewayProvider = z.enum(GATEWAY_PROVIDERS);
export type TGatewayProvider = z.infer<typeof ZGatewayProvider>;

/**
 * Tripay closed-payment channels we offer for invoices, with the limits Tripay's channel table
 * gives (https://tripay.co.id/developer, "Daftar Channel & Biaya"): amount in rupiah and how
 * long a payment code may stay open. `expiryMinutes` is what we ask for, inside those limits.
 */
export const GATEWAY_METHODS = {
  QRIS: { kind: "qris", label: "QRIS", minIdr: 1_000, maxIdr: 5_000_000, expiryMinutes: 60 },
  QRIS2: { kind: "qris", label: "QRIS", minIdr: 1_000, maxIdr: 5_000_000, expiryMinutes: 60 },
  BRIVA: { kind: "va", label: "BRI Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  BNIVA: { kind: "va", label: "BNI Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  MANDIRIVA: { kind: "va", label: "Mandiri Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  BCAVA: { kind: "va", label: "BCA Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  PERMATAVA: { kind: "va", label: "Permata Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  CIMBVA: { kind: "va", label: "CIMB Niaga Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  BSIVA: { kind: "va", label: "BSI Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 180 },
  MUAMALATVA: { kind: "va", label: "Muamalat Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 180 },
  OCBCVA: { kind: "va", label: "OCBC NISP Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
  DANAMONVA: { kind: "va", label: "Danamon Virtual Account", minIdr: 10_000, maxIdr: 10_000_000, expiryMinutes: 1_440 },
} as const satisfies Record<string, { kind: "qris" | "va"; label: string; minIdr: number; maxIdr: number; expiryMinutes: number }>;

export type TGatewayMethod = keyof typeof GATEWAY_METHODS;
export const ZGatewayMethod = z.enum(Object.keys(GATEWAY_METHODS) as [TGatewayMethod, ...TGatewayMethod[]]);

export const ZChargeStatus = z.enum(["pending", "paid", "expired", "failed"]);
export type TChargeStatus = z.infer<typeof ZChargeStatus>;

// ---- settings (owner/admin) ----

const ZSecretKey = z.string().trim().min(8, "Too short for a Tripay key").max(200).regex(/^\S+$/, "A key has no spaces");

/** Keys are write-only: leave one out to keep the stored key; the first setup needs both. */
export const ZGatewaySettingsInput = z.object({
  provider: ZGatewayProvider.default("tripay"),
  merchantCode: z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9_-]+$/, "Letters and digits, as Tripay shows it (e.g. T12345)"),
  apiKey: ZSecretKey.optional(),
  privateKey: ZSecretKey.optional(),
  enabled: z.boolean().default(true),
});
export type TGatewaySettingsInput = z.infer<typeof ZGatewaySettingsInput>;

export const ZGatewaySettings = z.object({
  provider: ZGatewayProvider,
  configured: z.boolean(),
  enabled: z.boolean(),
  merchantCode: z.string().nullable(),
  /** The stored keys are never returned, only their last four characters. */
  apiKeyLast4: z.string().nullable(),
  privateKeyLast4: z.string().nullable(),
  /** Where this ISP receives Tripay callbacks (also sent with every transaction). */
  callbackUrl: z.url(),
  /** The Tripay API this server talks to (sandbox or live). */
  apiBaseUrl: z.string(),
  methods: z.array(z.object({ code: ZGatewayMethod, label: z.string(), kind: z.enum(["qris", "va"]), minIdr: z.int(), maxIdr: z.int() })),
  updatedAt: z.string().nullable(),
});
export type TGatewaySettings = z.infer<typeof ZGatewaySettings>;

// ---- charges ----

export const ZCreateChargeInput = z.object({ invoiceId: z.uuid(), method: ZGatewayMethod });
export type TCreateChargeInput = z.infer<typeof ZCreateChargeInput>;

export const ZInvoiceChargesInput = z.object({ invoiceId: z.uuid() });
export const ZChargeTarget = z.object({ chargeId: z.uuid() });

/**
 * A payment request at the gateway, as the invoice page shows it: for QRIS render `qrString`
 * as a QR code; for a virtual account show `payCode`; `checkoutUrl` is Tripay's own page.
 */
export const ZCharge = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  provider: ZGatewayProvider,
  method: z.string(),
  methodLabel: z.string(),
  merchantRef: z.string(),
  providerReference: z.string(),
  amountIdr: z.int(),
  status: ZChargeStatus,
  payCode: z.string().nullable(),
  qrString: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
  expiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentId: z.uuid().nullable(),
  /**
   * The code no longer matches what its invoice owes (settled another way, part paid, voided):
   * it is never offered again; money that still arrives on it is kept and listed for follow-up.
   */
  superseded: z.boolean(),
  createdAt: z.string(),
});
export type TCharge = z.infer<typeof ZCharge>;

/** Money that arrived on a superseded code: recorded (credit or other invoices), to follow up. */
export const ZLateGatewayPayment = z.object({
  chargeId: z.uuid(),
  providerReference: z.string(),
  methodLabel: z.string(),
  amountIdr: z.int(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  paymentId: z.uuid(),
  receiptNumber: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  /** What of the payment no invoice has taken: the customer's credit from it. */
  creditIdr: z.int(),
  paidAt: z.string(),
});
export type TLateGatewayPayment = z.infer<typeof ZLateGatewayPayment>;

export const ZCreateChargeResult = z.object({
  charge: ZCharge,
  /** True when a still-open charge for the same invoice, method and amount was returned. */
  reused: z.boolean(),
});
export type TCreateChargeResult = z.infer<typeof ZCreateChargeResult>;

export const ZInvoiceCharges = z.object({ charges: z.array(ZCharge) });
export type TInvoiceCharges = z.infer<typeof ZInvoiceCharges>;
