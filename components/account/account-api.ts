"use client";
// The router the account cards call: a tenant user's `account` or an operator's
// `platformAccount` (console). Both have the same procedures, inputs and outputs.
import { useTRPC } from "@/components/trpc/provider";

export type AccountScope = "tenant" | "platform";
export type AccountApi = ReturnType<typeof useTRPC>["account"];

export function useAccountApi(scope: AccountScope = "tenant"): AccountApi {
  const trpc = useTRPC();
  return scope === "platform" ? trpc.platformAccount : trpc.account;
}
