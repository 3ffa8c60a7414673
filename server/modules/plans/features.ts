// Feature codes a plan or add-on can switch on. Pure: shared with the UI.
export const FEATURES = {
  maps: "FTTH maps (OLT/ODC/ODP topology)",
  hr: "HR, attendance and payroll",
  whatsapp: "WhatsApp notifications",
  vouchers: "Hotspot vouchers",
} as const;

export type Feature = keyof typeof FEATURES;
export const FEATURE_CODES = Object.keys(FEATURES) as Feature[];

export const LIMITED_RESOURCES = ["customers", "routers", "staff"] as const;
export type LimitedResource = (typeof LIMITED_RESOURCES)[number];
