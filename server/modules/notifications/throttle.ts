// Being polite to WhatsApp: each tenant's account at a provider (a Fonnte device, a Cloud API
// number) sends one message per slot, slots spaced by a gap the caller draws (random between a
// minimum and a maximum for unofficial gateways, 1/rate for the Cloud API), and at most `dailyCap`
// messages per local day. One Lua script in Redis, so every worker process shares the pacing.
import "server-only";
import { redis } from "@/server/redis/client";

const RESERVE = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
local dayTtl = tonumber(ARGV[4])
if cap > 0 then
  local used = tonumber(redis.call('GET', KEYS[2]) or '0')
  if used >= cap then return -1 end
end
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextAt)
redis.call('SET', KEYS[1], slot + gap, 'PX', slot + gap - now + 60000)
if cap > 0 then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], dayTtl)
end
return slot
`;

export type Pacing = { gapMs: number; dailyCap: number };

/**
 * Reserves the next send slot of an account: its time (ms since epoch; now or later), or
 * "cap_reached" when today's cap is used up. `day` names the local day of the cap.
 */
export async function reserveSlot(account: string, day: string, pacing: Pacing, now = Date.now(), dayTtlMs = 26 * 3600_000): Promise<number | "cap_reached"> {
  if (pacing.gapMs <= 0 && pacing.dailyCap <= 0) return now;
  const slot = (await redis().eval(RESERVE, 2, `rrnet:wa:slot:${account}`, `rrnet:wa:day:${account}:${day}`, now, Math.max(0, Math.round(pacing.gapMs)), pacing.dailyCap, dayTtlMs)) as number;
  return slot < 0 ? "cap_reached" : slot;
}

/** A gap drawn uniformly between min and max (randomised spacing looks less like a bot). */
export function drawGap(minMs: number, maxMs: number, random = Math.random): number {
  return minMs + Math.floor(random() * (Math.max(minMs, maxMs) - minMs + 1));
}
