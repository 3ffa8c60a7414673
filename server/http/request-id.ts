// Request ids: kept from the caller when well-formed (so ids can be traced across services),
// generated otherwise. Anything else in the header is dropped, never echoed.
import "server-only";

const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export const REQUEST_ID_HEADER = "x-request-id";

export function ensureRequestId(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && WELL_FORMED.test(value) ? value : crypto.randomUUID();
}
