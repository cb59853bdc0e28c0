import { z } from "zod";
import { isWithinDateRange } from "@/lib/domain/partial-date";

/**
 * Opaque pagination cursors. A cursor says how many items came before the page (`n`) and,
 * for lists in publication order, the last item seen (`p`, `id`) so the next page is a keyset
 * read rather than an ever-deeper offset. Ranked search pages carry `n` alone.
 */
export const cursorSchema = z.strictObject({
  n: z.int().min(0).max(10_000_000),
  p: z.iso
    .datetime()
    .refine((p) => isWithinDateRange(new Date(p)))
    .optional(),
  id: z.string().min(1).max(64).optional(),
  /** Which list gave it out (listFingerprint): `n` counts that list's items, no other's. */
  f: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional(),
});

export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The cursor, or null when the text is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) return null;
  // A keyset cursor needs both halves.
  if ((parsed.data.p === undefined) !== (parsed.data.id === undefined)) return null;
  return parsed.data;
}

/**
 * A page's `cursor` search parameter for a list read by keyset: absent (the first page), a
 * keyset cursor of ours, or a link we cannot follow (repeated, altered, or a search's). A keyset
 * cursor from another list is taken as a place in this one: it names a time and an id, which
 * the list's own conditions then read from.
 */
export function keysetCursorParam(value: string | string[] | undefined): { ok: true; after: Cursor | null } | { ok: false } {
  if (value === undefined || value === "") return { ok: true, after: null };
  const after = typeof value === "string" ? decodeCursor(value) : null;
  return after?.p !== undefined && after.id !== undefined ? { ok: true, after } : { ok: false };
}
