import { z } from "zod";
import { isRecordId } from "@/lib/validation/record-id";

/** The words a claim form holds at most: its text (10,000) and summary (120), with room to spare. */
export const SIMILAR_TEXT_MAX = 12_000;

/**
 * The desk's "Seen before?" question (app/api/desk/similar-claims): `text`, the words typed so
 * far, and `exclude`, the claim whose page asks (it and its duplicates are left out). Each at
 * most once.
 */
export const similarQuerySchema = z.object({
  text: z.string({ error: 'Parameter "text" is required.' }).max(SIMILAR_TEXT_MAX, `Parameter "text" must be at most ${SIMILAR_TEXT_MAX} characters.`),
  exclude: z
    .string()
    .refine((id) => isRecordId(id), 'Parameter "exclude" must be a claim id.')
    .optional(),
});

export type SimilarQuery = z.output<typeof similarQuerySchema>;

/** The query of a URL, or the first problem with it as a sentence. */
export function parseSimilarQuery(params: URLSearchParams): { ok: true; query: SimilarQuery } | { ok: false; message: string } {
  for (const name of new Set(params.keys())) {
    if (name !== "text" && name !== "exclude") return { ok: false, message: "Only the parameters \"text\" and \"exclude\" are understood." };
    if (params.getAll(name).length > 1) return { ok: false, message: `Parameter "${name}" may be given once.` };
  }
  const parsed = similarQuerySchema.safeParse(Object.fromEntries(params));
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "That question is not understood." };
}
