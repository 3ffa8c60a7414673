// The simulators' accounts for the demo: `npm run demo` starts sim/whatsapp with them and the
// seed gives Demo Net WhatsApp settings with the same credentials (Fonnte primary, the Cloud
// API as fallback). Simulator-only values.
import type { FonnteDevice } from "./fonnte-sim";
import type { CloudAccount } from "./wa-cloud-sim";

export const DEMO_FONNTE_DEVICE: FonnteDevice & { webhookSecret: string } = {
  token: "rrnet-sim-demo-fonnte-token-0001",
  device: "6281100000001",
  webhookSecret: "rrnet-sim-demo-fonnte-webhook-0001",
};

export const DEMO_CLOUD_ACCOUNT: CloudAccount & { verifyToken: string } = {
  phoneNumberId: "100000000000001",
  accessToken: "EAAG-rrnet-sim-demo-cloud-token-0001",
  appSecret: "rrnet-sim-demo-cloud-app-secret-0001",
  displayPhoneNumber: "6281100000002",
  verifyToken: "rrnet-sim-demo-verify-0001",
};
