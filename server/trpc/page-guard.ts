// For server components: a page that needs a capability calls requirePageCapability(); a user
// without it gets the 403 page (app/forbidden.tsx). The procedures the page calls check again.
import "server-only";
import { forbidden } from "next/navigation";
import type { Capability } from "@/server/modules/identity/capabilities";
import { serverMe } from "./rsc";

export async function requirePageCapability(capability: Capability): Promise<void> {
  const me = await serverMe();
  if (!me?.capabilities.includes(capability)) forbidden();
}
