// The simulator's merchant for the demo: `npm run demo` starts the simulator with it and the
// seed gives Demo Net a Tripay account with the same credentials. Simulator-only values.
import type { SimMerchant } from "./tripay-sim";

export const DEMO_TRIPAY_MERCHANT: SimMerchant = {
  merchantCode: "T9001",
  apiKey: "DEV-rrnetSimulatorDemoNetApiKey0000000001",
  privateKey: "rrnet-sim-demo-private-key-0001",
  name: "Demo Net",
};
