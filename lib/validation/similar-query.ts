import { z } from "zod";
import { isStorableText } from "@/lib/text";
import { describeQueryError, shownParameter } from "@/lib/validation/claim-query";
import { isRecordId } from "@/lib/validation/record-id";

/** The words a claim form holds at most: its text (10,000) and summary (120), with room to spare. */
export const SIMILAR_TEXT_MAX = 12_000;

/**
 * The desk's "Seen before?" question (app/api/desk/similar-claims): `text`, the words typed so
 * far, and `exclude`, the claim whose page asks (it and its duplicates are left out). Each at
 * most once; no other parameter.
 */
export const similarQuerySchema = z
  .object({
    text: z
      .string({ error: "is required" })
      .max(SIMILAR_TEXT_MAX, `must be at most ${SIMILAR_TEXT_MAX.toLocaleString("en")} characters`)
      .refine(isStorableText, "must not hold a NUL character or half a character"),
    exclude: z
      .string()
      .refine((id) => isRecordId(id), "must be a claim id")
      .optional(),
  })
  .strict();

export type SimilarQuery = z.output<typeof similarQuerySchema>;

/** The query of a URL, or its first problem as a sentence naming the parameter. */
export function parseSimilarQuery(params: URLSearchParams): { ok: true; query: SimilarQuery } | { ok: false; message: string } {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1 && name in similarQuerySchema.shape) return { ok: false, message: `Parameter ${shownParameter(name)} may be given once.` };
  }
  const parsed = similarQuerySchema.safeParse(Object.fromEntries(params));
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, message: describeQueryError(parsed.error).message };
}
