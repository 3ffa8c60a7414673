// The AppError a call failed with, as the error formatter would see it (procedure errors arrive
// wrapped in a TRPCError; zod input errors become VALIDATION_FAILED with per-field details).
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors/app-error";
import { toAppError } from "@/server/trpc/errors";

export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const app = error instanceof TRPCError ? toAppError(error) : error;
  if (!(app instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return app;
}
