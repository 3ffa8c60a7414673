// What the console's System page shows: readiness of the platform's services and the build.
// No server imports: shared with the UI.
import { z } from "zod";

export const ZCheckResult = z.enum(["ok", "fail"]);
export type TCheckResult = z.infer<typeof ZCheckResult>;

export const ZSystemStatus = z.object({
  status: ZCheckResult,
  checks: z.object({ db: ZCheckResult, redis: ZCheckResult }),
  /** When the worker last proved it consumes its queues (ISO-8601), null before the first beat. */
  worker: z.object({ lastBeatAt: z.string().nullable() }),
  build: z.object({ version: z.string(), commit: z.string(), buildTime: z.string().nullable() }),
  checkedAt: z.iso.datetime(),
});
export type TSystemStatus = z.infer<typeof ZSystemStatus>;
