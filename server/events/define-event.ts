// A domain event: a type name and a zod payload. Domains declare theirs in `<domain>.events.ts`
// and list them in registry.ts; `emitEvents()` writes them to the outbox in the caller's
// transaction, and the worker relays them to the notification queue.
import "server-only";
import type { z } from "zod";

export type EventDefinition<TPayload extends z.ZodType = z.ZodType> = {
  type: string;
  payload: TPayload;
};

export function defineEvent<TPayload extends z.ZodType>(type: string, payload: TPayload): EventDefinition<TPayload> {
  return { type, payload };
}

/** An event ready to emit: its definition's type and a payload of that definition's shape. */
export type DomainEvent = { type: string; payload: unknown };

export function event<TPayload extends z.ZodType>(definition: EventDefinition<TPayload>, payload: z.input<TPayload>): DomainEvent {
  return { type: definition.type, payload: definition.payload.parse(payload) };
}
