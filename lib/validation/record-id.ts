import { z } from "zod";

/** Record ids in URLs: cuids, or the readable ids of imported records. */
export const recordIdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id (letters, digits, - and _)");

export function isRecordId(value: string): boolean {
  return recordIdSchema.safeParse(value).success;
}
