import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventKind } from "@/lib/domain/event-kind";

/** A stored history field (JSON text) as a value; text that is not JSON stays text. */
export function parseStoredJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface EventInput {
  claimId: string;
  actorId: string | null;
  kind: EventKind;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  /** When it happened, if the change wrote the same moment elsewhere (a correction's date). */
  createdAt?: Date;
}

/**
 * Appends one event to a claim's history. Takes the transaction client, not the global one:
 * the event is written in the same transaction as the change it records, or not at all.
 */
export async function recordEvent(tx: Prisma.TransactionClient, event: EventInput): Promise<void> {
  await tx.claimEvent.create({
    data: {
      claimId: event.claimId,
      actorId: event.actorId,
      kind: event.kind,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      reason: event.reason ?? null,
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    },
  });
}

/** The fields whose values differ, as { before, after } halves holding only those fields. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const was = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const now = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (was !== now) {
      b[key] = was as T[keyof T];
      a[key] = now as T[keyof T];
    }
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : null;
}
