// Shapes of the identity module. No server imports: shared with the UI.
import { z } from "zod";

export const ZMe = z.object({
  kind: z.enum(["tenant", "platform"]),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  twoFactorEnabled: z.boolean(),
  needsTwoFactorSetup: z.boolean(),
  capabilities: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;
